package io.callface.stream.cartoon;

/**
 * The lines of age the cartoon draws, each with a severity in [0, 1] that sets how dark it is.
 *
 * <p>Severities follow the synthetic world's ageing model (the trainer's {@code AgeingModel}, after Bazin &amp;
 * Doublet's skin-ageing atlas) at its typical person: {@code clamp((age - onset) / 45, 0, 1)} with onsets of 25
 * years for forehead lines (22 for a man, who wrinkles earlier), 30 for crow's feet and for the nasolabial folds.
 * A line is drawn from a severity of 0.2 on (about nine years past its onset); the forehead gets one line, two
 * from 0.45 and three from 0.7.
 *
 * @param forehead   severity of the horizontal forehead lines
 * @param crowsFeet  severity of the lines at the eyes' outer corners
 * @param folds      severity of the nasolabial folds
 */
record AgeLines(double forehead, double crowsFeet, double folds) {
    static final double VISIBLE = 0.2;

    AgeLines {
        forehead = clamp(forehead);
        crowsFeet = clamp(crowsFeet);
        folds = clamp(folds);
    }

    /** The lines of a face of {@code ageYears}, with the earlier forehead onset weighted by {@code maleProbability}. */
    static AgeLines of(double ageYears, double maleProbability) {
        double foreheadOnset = 25 - 3 * clamp(maleProbability);
        return new AgeLines(severity(ageYears, foreheadOnset), severity(ageYears, 30), severity(ageYears, 30));
    }

    /** How many forehead lines are drawn: 0 to 3. */
    int foreheadLineCount() {
        if (forehead < VISIBLE) {
            return 0;
        }
        return forehead < 0.45 ? 1 : forehead < 0.7 ? 2 : 3;
    }

    boolean showsCrowsFeet() {
        return crowsFeet >= VISIBLE;
    }

    boolean showsFolds() {
        return folds >= VISIBLE;
    }

    /** Lines drawn in all: each forehead line, each crow's-foot side and each fold count once. */
    int drawnCount() {
        return foreheadLineCount() + (showsCrowsFeet() ? 2 : 0) + (showsFolds() ? 2 : 0);
    }

    private static double severity(double ageYears, double onset) {
        return clamp((ageYears - onset) / 45);
    }

    private static double clamp(double value) {
        return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
    }
}
