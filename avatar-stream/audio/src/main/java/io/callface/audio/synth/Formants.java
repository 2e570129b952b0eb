package io.callface.audio.synth;

/** The first four formant frequencies of a vocal-tract configuration, in Hz. */
record Formants(double f1, double f2, double f3, double f4) {
    /**
     * The neutral tract: a uniform 17.5 cm tube closed at the glottis resonates at {@code (2n - 1) c / 4L}, i.e.
     * 500, 1500, 2500, 3500 Hz with c = 350 m/s (Fant 1960, <i>Acoustic Theory of Speech Production</i>).
     */
    static final Formants SCHWA = new Formants(500, 1500, 2500, 3500);

    Formants {
        if (!(f1 > 0 && f2 > 0 && f3 > 0 && f4 > 0)) {
            throw new IllegalArgumentException("formants must be positive: " + f1 + ", " + f2 + ", " + f3 + ", " + f4);
        }
    }

    /** Formant {@code n}, 1 to 4. */
    double get(int n) {
        return switch (n) {
            case 1 -> f1;
            case 2 -> f2;
            case 3 -> f3;
            case 4 -> f4;
            default -> throw new IllegalArgumentException("formant: " + n + " is not 1-4");
        };
    }

    /** All formants times {@code factor}: a tract {@code 1 / factor} times as long. */
    Formants scaled(double factor) {
        return new Formants(f1 * factor, f2 * factor, f3 * factor, f4 * factor);
    }

    /** Linear interpolation: {@code this} at 0, {@code other} at 1. */
    Formants toward(Formants other, double t) {
        return new Formants(f1 + t * (other.f1 - f1), f2 + t * (other.f2 - f2), f3 + t * (other.f3 - f3),
                f4 + t * (other.f4 - f4));
    }

    /** Each formant times its own factor (F4 unchanged). */
    Formants shifted(double f1Factor, double f2Factor, double f3Factor) {
        return new Formants(f1 * f1Factor, f2 * f2Factor, f3 * f3Factor, f4);
    }
}
