package io.dictdb.backup;

import io.dictdb.internal.io.ForwardingFileIo;
import io.dictdb.internal.io.WritableFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A file layer for backup tests: can fail every new file (a full disk) while told to, can hold writers at the gate
 * until released (a slow disk), and records the threads that wrote.
 */
final class ControllableFileIo extends ForwardingFileIo {
    volatile boolean failing;
    volatile CountDownLatch gate;
    final CountDownLatch entered = new CountDownLatch(1);
    final List<String> writerThreads = new CopyOnWriteArrayList<>();

    @Override
    public WritableFile createTemp(Path directory, String prefix, String suffix) throws IOException {
        writerThreads.add(Thread.currentThread().getName());
        entered.countDown();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                if (!g.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        if (failing) {
            throw new IOException("No space left on device");
        }
        return REAL.createTemp(directory, prefix, suffix);
    }
}
