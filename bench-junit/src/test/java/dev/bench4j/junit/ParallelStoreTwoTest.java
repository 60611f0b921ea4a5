package dev.bench4j.junit;

/** The other half of {@link ParallelStoreOneTest}: writes the same store folder at the same time. */
class ParallelStoreTwoTest {

    @BenchmarkTest
    void gatesWhileTheOtherClassWritesTheSameStore() {
        ParallelStoreOneTest.gateAndFind("two");
    }
}
