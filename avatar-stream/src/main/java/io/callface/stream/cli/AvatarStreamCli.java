package io.callface.stream.cli;

public final class AvatarStreamCli {
    public static void main(String[] args) { }
}
