package io.callface.stream.avatar;

import io.callface.avro.AvatarEvent;
import io.callface.stream.window.SpeakerWindow;

/** Turns a closed speaker window into the avatar published for it: model, then post-processing. */
@FunctionalInterface
public interface AvatarGenerator {
    AvatarEvent generate(SpeakerWindow window);
}
