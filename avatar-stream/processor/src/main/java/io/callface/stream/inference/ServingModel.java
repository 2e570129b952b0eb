package io.callface.stream.inference;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The face model currently serving, replaceable while batches run. A batch reads the model and runs under a
 * lock; a swap publishes the new model first and then takes that lock once, so by the time it closes the old
 * model no batch can still be using it.
 */
final class ServingModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServingModel.class);

    private final AtomicReference<FaceModel> current;
    private final ReentrantLock inFlight = new ReentrantLock();

    ServingModel(FaceModel initial) {
        current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    FaceModel current() {
        return current.get();
    }

    /** Runs {@code batch} on the current model; the model stays open until it returns. */
    <T> T withModel(Function<FaceModel, T> batch) {
        inFlight.lock();
        try {
            return batch.apply(current.get());
        } finally {
            inFlight.unlock();
        }
    }

    /** Serves {@code next} from now on and closes the previous model once its in-flight batch has finished. */
    void swap(FaceModel next) {
        FaceModel previous = current.getAndSet(Objects.requireNonNull(next, "next"));
        inFlight.lock();
        inFlight.unlock();
        previous.close();
        LOG.info("face model {} replaced {}, which is closed", next.version(), previous.version());
    }

    @Override
    public void close() {
        inFlight.lock();
        try {
            current.get().close();
        } finally {
            inFlight.unlock();
        }
    }
}
