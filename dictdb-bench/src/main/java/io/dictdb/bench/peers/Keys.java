package io.dictdb.bench.peers;

import java.util.Random;

/** Pre-generated operation inputs, so that neither random generation nor boxing is measured. */
final class Keys {

    private Keys() {
    }

    /** {@code count} existing primary keys drawn uniformly, boxed in advance. */
    static Long[] boxed(PeerData data, int count, long seed) {
        long[] raw = data.data().randomKeys(count, seed);
        Long[] keys = new Long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = raw[i];
        }
        return keys;
    }

    /** {@code count} new salaries in the data set's salary range. */
    static double[] salaries(int count, long seed) {
        Random random = new Random(seed);
        double[] salaries = new double[count];
        for (int i = 0; i < count; i++) {
            salaries[i] = 30_000.0 + random.nextDouble() * 100_000.0;
        }
        return salaries;
    }
}
