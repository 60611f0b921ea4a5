package dev.bench4j.store.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewSheetTest {

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsMadeInert() {
        assertThat(ReviewSheet.inert("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(ReviewSheet.inert("+1")).isEqualTo("'+1");
        assertThat(ReviewSheet.inert("-1")).isEqualTo("'-1");
        assertThat(ReviewSheet.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReviewSheet.inert("\tx")).isEqualTo("'\tx");
        assertThat(ReviewSheet.inert("{\"conditions\": []}")).isEqualTo("{\"conditions\": []}");
        assertThat(ReviewSheet.inert("")).isEmpty();
    }
}
