package io.callface.trainer.cli;

public final class TrainerCli {
    public static void main(String[] args) { }
}
