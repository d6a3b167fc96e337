package io.openrouteraudit.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainDecimalTest {

    private final PlainDecimal decimal = new PlainDecimal();

    @Test
    void writesWhatBigDecimalWritesForCostsAndEdges() {
        double[] samples = {0.0, -0.0, 1.0, -1.0, 0.1, 0.2 + 0.1, 0.00321, 3.10365E-5, 1.0E-7, 1.0E-300, 123456789.125,
            1.0E7, 9999999.0, 1.0E22, 1.7976931348623157E308, Double.MIN_VALUE, Double.MIN_NORMAL, 100.0, 0.001, 1.0E-3,
            -2.5E-10, 120.0, 1200000.0, 12345678.0, 0.5, 10.0};
        for (double sample : samples) {
            assertSameAsBigDecimal(sample);
        }
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            assertSameAsBigDecimal(random.nextInt(5_000_000) * 1.0E-8);          // realistic costs
            assertSameAsBigDecimal(random.nextInt(1_000) * Math.pow(10, random.nextInt(30) - 15));
            double any = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(any)) {
                assertSameAsBigDecimal(any);
            }
        }
    }

    private void assertSameAsBigDecimal(double value) {
        Utf8LineBuffer out = new Utf8LineBuffer(1);
        decimal.append(out, value);
        assertEquals(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString(),
                new String(out.bytes(), 0, out.length(), StandardCharsets.US_ASCII), Double.toString(value));
    }
}
