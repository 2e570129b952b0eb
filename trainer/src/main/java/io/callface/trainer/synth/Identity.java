package io.callface.trainer.synth;

/** One row of {@code identities.csv}: an identity's id, its split and its generating traits. */
public record Identity(String id, Split split, IdentityTraits traits) {
    public Identity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id: must not be blank");
        }
        if (split == null || traits == null) {
            throw new IllegalArgumentException("split, traits: must not be null");
        }
    }
}
