package io.dictdb.internal.storage;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A batch of records read from a file, handed to the engine's bulk insert as a list. Batches and their records
 * are recycled once inserted (the engine copies what it stores), so a load of millions of rows allocates a few
 * batches instead of one record object and two arrays per row.
 *
 * <p>A batch is filled by one thread, then read by one thread (possibly another, after a hand-over through a
 * concurrent queue), then given back to its {@link Pool}.
 */
final class RecordBatch extends AbstractList<DecodedRecord> implements RandomAccess {
    private static final int INITIAL_SLOTS = 16;

    private final Pool pool;
    private final int capacity;
    /** Grows up to the capacity, so that the batch of a small file stays small. */
    private DecodedRecord[] records;
    private int size;

    private RecordBatch(Pool pool, int capacity) {
        this.pool = pool;
        this.capacity = capacity;
        this.records = new DecodedRecord[Math.min(INITIAL_SLOTS, capacity)];
    }

    /** @return whether no more record fits */
    boolean isFull() {
        return size == capacity;
    }

    /**
     * The next record slot, emptied.
     *
     * @param expectedFields how many fields the record will likely have
     * @return an empty record, now part of this batch
     */
    DecodedRecord next(int expectedFields) {
        if (size == records.length) {
            records = Arrays.copyOf(records, Math.min(capacity, records.length * 2));
        }
        DecodedRecord record = records[size];
        if (record == null) {
            record = new DecodedRecord(expectedFields);
            records[size] = record;
        } else {
            record.reset();
        }
        size++;
        return record;
    }

    /** Gives this batch back to its pool once its records have been inserted. */
    void recycle() {
        pool.give(this);
    }

    @Override
    public DecodedRecord get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return records[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Batches ready to be filled again; shared by the thread filling and the thread inserting. */
    static final class Pool {
        private final int capacity;
        private final ConcurrentLinkedQueue<RecordBatch> free = new ConcurrentLinkedQueue<>();

        /**
         * @param capacity records per batch
         */
        Pool(int capacity) {
            this.capacity = capacity;
        }

        /** @return an empty batch, recycled when one is available */
        RecordBatch take() {
            RecordBatch batch = free.poll();
            if (batch == null) {
                return new RecordBatch(this, capacity);
            }
            batch.size = 0;
            return batch;
        }

        private void give(RecordBatch batch) {
            free.offer(batch);
        }

        @Override
        public String toString() {
            return "RecordBatch.Pool" + Arrays.asList(capacity, free.size());
        }
    }
}
