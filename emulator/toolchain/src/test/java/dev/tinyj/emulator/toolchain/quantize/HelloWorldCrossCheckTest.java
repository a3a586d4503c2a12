package dev.tinyj.emulator.toolchain.quantize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.testkit.SharedData;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.train.SineData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evaluator's int8 path checked against TFLM itself: TFLite's own {@code hello_world_int8.tflite}
 * (per-tensor weights), turned into a {@link TfliteSpec} and run by {@link Int8Simulator}, must give
 * TFLM's outputs on the golden x-sweep ({@code shared/models/golden/hello_world_int8/sweep.csv}),
 * including the input quantization (round half away from zero). Skipped when {@code shared/} is absent ({@link SharedData}).
 */
class HelloWorldCrossCheckTest {

    @Test
    void simulatorReproducesTflmOnTheGoldenSweep() throws Exception {
        Path models = SharedData.require("models", "int8 simulator not cross-checked against TFLM");
        TfliteModel m = TfliteReader.read(models.resolve("hello_world_int8.tflite"));
        List<TfliteSpec.Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < m.main().tensors().size(); i++) {
            TensorInfo t = m.tensorInfo(i);
            tensors.add(new TfliteSpec.Tensor(t.name(), t.type(), t.shape(), t.data(), t.quantization()));
        }
        List<TfliteSpec.Operator> ops = new ArrayList<>();
        for (TfliteModel.Operator op : m.main().operators()) {
            ops.add(new TfliteSpec.Operator(m.opName(op), op.inputs(), op.outputs(), op.options()));
        }
        TfliteSpec spec = new TfliteSpec(m.description(), m.main().name(), tensors, ops, m.main().inputs(),
                m.main().outputs());
        Int8Simulator sim = new Int8Simulator(spec);

        int rows = 0;
        for (String line : Files.readAllLines(models.resolve("golden/hello_world_int8/sweep.csv"))) {
            if (line.startsWith("#") || line.startsWith("i,")) {
                continue;
            }
            String[] f = line.split(",");
            double x = Double.parseDouble(f[1]);
            byte qIn = AffineQuant.quantizeInt8(x, sim.inputQuantization());
            assertEquals(Integer.parseInt(f[2]), qIn, "q_in at x = " + x);
            assertEquals(Integer.parseInt(f[3]), sim.run(new byte[] {qIn})[0], "q_out at x = " + x);
            rows++;
        }
        assertEquals(64, rows);

        double sum = 0;
        for (double x : SineData.sweep(1000)) {
            sum += Math.abs(sim.predict(x)[0] - StrictMath.sin(x));
        }
        double mae = sum / 1000;
        System.out.printf("TFLite's hello_world_int8 on the 1000-point sweep: int8 MAE %.5f%n", mae);
        assertTrue(mae < 0.1, "hello_world int8 MAE " + mae);
    }
}
