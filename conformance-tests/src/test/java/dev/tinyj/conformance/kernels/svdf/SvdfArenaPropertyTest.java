package dev.tinyj.conformance.kernels.svdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.ArenaPlanCheck;
import dev.tinyj.emulator.toolchain.compile.ArenaPlanner;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The planner with variable tensors: on random SVDF chains, every activation state is placed in
 * the persistent region after the planned one, shares no byte with any other buffer, and the
 * persistent region is exactly the states' sizes rounded up to the alignment;
 * {@link ArenaPlanCheck} finds nothing.
 */
class SvdfArenaPropertyTest {
    @Property
    void variableTensorsNeverOverlapAnything(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int layers,
            @ForAll @IntRange(min = 1, max = 20) int width, @ForAll boolean wide)
            throws CompileException, TfliteException {
        ModelCompiler.Compilation c = ModelCompiler.compileDetailed(
                TfliteReader.read(SvdfModels.chain(seed, layers, width, wide), "chain"), "chain");
        assertEquals(List.of(), ArenaPlanCheck.violations(c));
        CompiledModel m = c.model();
        long persistent = 0;
        for (CompiledTensor v : m.tensors()) {
            if (v.placement() != Placement.VARIABLE) {
                continue;
            }
            persistent += ArenaPlanner.align(v.bytes());
            assertTrue(v.arenaOffset() >= m.plannedBytes(), v.name() + " in the persistent region");
            for (CompiledTensor o : m.tensors()) {
                boolean inArena = o.placement() == Placement.ARENA || o.placement() == Placement.VARIABLE;
                if (o != v && inArena && o.bytes() > 0) {
                    assertTrue(o.arenaOffset() + o.bytes() <= v.arenaOffset()
                            || v.arenaOffset() + v.bytes() <= o.arenaOffset(), v.name() + " overlaps " + o.name());
                }
            }
        }
        assertEquals(persistent, m.persistentBytes());
        assertEquals(layers, m.tensors().stream().filter(t -> t.placement() == Placement.VARIABLE).count());
    }
}
