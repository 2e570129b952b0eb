package io.callface.trainer.synth;

/**
 * The visible signs of age, each from 0 (none) to 1 (the strongest this world draws).
 *
 * @param greyShare       share of grey/white hairs in scalp hair, brows and facial hair
 * @param foreheadLines   horizontal forehead lines
 * @param crowsFeet       lines fanning from the outer eye corners
 * @param nasolabialFolds folds from the nose wings to beyond the mouth corners
 */
public record Ageing(double greyShare, double foreheadLines, double crowsFeet, double nasolabialFolds) {
    public static final Ageing NONE = new Ageing(0, 0, 0, 0);

    public Ageing {
        Ranges.require("greyShare", greyShare, 0, 1);
        Ranges.require("foreheadLines", foreheadLines, 0, 1);
        Ranges.require("crowsFeet", crowsFeet, 0, 1);
        Ranges.require("nasolabialFolds", nasolabialFolds, 0, 1);
    }
}
