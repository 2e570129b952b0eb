package io.callface.trainer.eval;

/** The age bands of the age confusion matrix (paper Figure 4 groups ages by decade). */
public enum AgeGroup {
    UNDER_30("<30"), THIRTIES("30-39"), FORTIES("40-49"), FIFTIES("50-59"), SIXTY_PLUS("60+");

    private final String label;

    AgeGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AgeGroup of(double years) {
        if (years < 30) {
            return UNDER_30;
        }
        if (years >= 60) {
            return SIXTY_PLUS;
        }
        return values()[(int) (years / 10) - 2];
    }
}
