package io.callface.trainer.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What preparation made of one usable row of {@code recordings.csv}.
 *
 * @param segments        the 6 s voiced WAV segments (16 kHz mono) cut from the recording; empty in a dry run
 * @param segmentCount    how many segments the recording gave (at least one)
 * @param audioSeconds    the recording's length
 * @param face            the aligned crop (PNG); empty in a dry run
 * @param fullLandmarks   whether the crop has its 68 landmarks (68 points given, all inside the crop)
 * @param residualPixels  RMS distance, in crop pixels, between the aligned anchors and the canonical ones
 * @param cached          whether both came from an earlier preparation
 */
record PreparedRow(Recording recording, List<Path> segments, int segmentCount, double audioSeconds,
        Optional<Path> face, boolean fullLandmarks, double residualPixels, boolean cached) {
    PreparedRow {
        segments = List.copyOf(segments);
    }
}
