package dev.tinyj.boards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a resolved {@link Profile} into a {@link Board}: checks that every required field is
 * present, that no unknown field is set, and parses each value, reporting {@code file:line: field
 * 'key': ...} on the first problem. Field names are listed in {@code boards/README.md}.
 */
final class BoardAssembler {
    static final String OP = "op.";
    static final String EXTRA = "extra.";
    static final String SLEEP = "power.sleep_microamps.";
    private static final Pattern DECIMAL = Pattern.compile("[0-9][0-9_]*(\\.[0-9][0-9_]*)?");
    private static final Pattern BATTERY =
            Pattern.compile("([0-9][0-9_]*(?:\\.[0-9]+)?) mAh at ([0-9]+(?:\\.[0-9]+)?) V");

    /** Fields every board must end up with (from the board file or its includes). */
    static final List<String> REQUIRED = List.of(
            "name", "mcu", "core", "clock_hz",
            "flash.base", "flash.size", "sram.base", "sram.size",
            "vm_sram_bytes", "vm_flash_bytes",
            "memory.pointer_bytes", "memory.array_header_bytes", "memory.frame_base_bytes",
            "memory.frame_spill_bytes_per_stack_slot",
            "code.expansion_per_bytecode_byte", "code.per_method_bytes", "code.calibrated",
            "costs.calibrated",
            "power.supply_volts", "power.active_milliamps", "power.timed_sleep_mode", "power.source",
            "power.battery");

    private final Profile profile;

    private BoardAssembler(Profile profile) {
        this.profile = profile;
    }

    /** Builds board {@code id} from {@code profile}. */
    static Board assemble(String id, Profile profile) throws BoardException {
        return new BoardAssembler(profile).build(id);
    }

    private Board build(String id) throws BoardException {
        checkKnownFields();
        checkRequired();
        Board.Region flash = new Board.Region(address("flash.base"), size("flash.size"));
        Board.Region sram = new Board.Region(address("sram.base"), size("sram.size"));
        long clock = natural("clock_hz");
        if (clock == 0) {
            throw bad("clock_hz", "expected a positive integer");
        }
        MemoryModel memory = new MemoryModel(size("memory.pointer_bytes"), size("memory.array_header_bytes"),
                size("memory.frame_base_bytes"), size("memory.frame_spill_bytes_per_stack_slot"));
        CodeSizeModel code = new CodeSizeModel(decimal("code.expansion_per_bytecode_byte"),
                size("code.per_method_bytes"), bool("code.calibrated"));
        return new Board(id, text("name"), text("mcu"), text("core"), clock, flash, sram,
                size("vm_sram_bytes"), size("vm_flash_bytes"), memory, code, costs(), power());
    }

    private CostTable costs() throws BoardException {
        Map<String, Integer> ops = new LinkedHashMap<>();
        for (String op : CostKeys.OPCODES) {
            ops.put(op, ticks(OP + op));
        }
        for (String key : profile.keys()) {
            if (key.startsWith(OP) && key.indexOf('.', OP.length()) > 0) {
                ops.put(key.substring(OP.length()), ticks(key));
            }
        }
        Map<String, Integer> extras = new LinkedHashMap<>();
        for (String extra : CostKeys.EXTRAS) {
            extras.put(extra, ticks(EXTRA + extra));
        }
        if (extras.get("free") != 0) {
            throw bad(EXTRA + "free", "must be 0, got '" + profile.get(EXTRA + "free").value() + "'");
        }
        return new CostTable(text("core"), Collections.unmodifiableMap(ops), Collections.unmodifiableMap(extras),
                bool("costs.calibrated"));
    }

    private PowerModel power() throws BoardException {
        Map<String, Figure> sleep = new LinkedHashMap<>();
        for (String key : profile.keys()) {
            if (key.startsWith(SLEEP)) {
                sleep.put(key.substring(SLEEP.length()), figure(key, true));
            }
        }
        Figure timed = figure("power.timed_sleep_mode", false);
        if (timed.known() && !sleep.containsKey(timed.text())) {
            throw bad("power.timed_sleep_mode", "no sleep mode '" + timed.text() + "' (set power.sleep_microamps."
                    + timed.text() + "; modes given: " + (sleep.isEmpty() ? "none" : String.join(", ", sleep.keySet()))
                    + ")");
        }
        return new PowerModel(figure("power.supply_volts", true), figure("power.active_milliamps", true),
                Collections.unmodifiableMap(sleep), timed, figure("power.source", false), battery());
    }

    /** {@code power.battery}: {@code none}, or {@code N mAh at V V}; sourced. */
    private Optional<Battery> battery() throws BoardException {
        Profile.Entry e = profile.get("power.battery");
        if (e.source() == null) {
            throw bad("power.battery", "needs a source: add '# source: ...'");
        }
        if (e.value().equals("none")) {
            return Optional.empty();
        }
        Matcher m = BATTERY.matcher(e.value());
        if (m.matches()) {
            double mah = Double.parseDouble(m.group(1).replace("_", ""));
            double volts = Double.parseDouble(m.group(2));
            if (mah > 0 && volts > 0) {
                return Optional.of(new Battery(mah, volts, e.source()));
            }
        }
        throw bad("power.battery", "expected 'none' or 'N mAh at V V' (e.g. '225 mAh at 3.0 V'), got '"
                + e.value() + "'");
    }

    private void checkKnownFields() throws BoardException {
        Set<String> known = new HashSet<>(REQUIRED);
        for (Profile.Entry e : profile.entries().values()) {
            String key = e.key();
            if (known.contains(key)) {
                continue;
            }
            String op = key.startsWith(OP) ? key.substring(OP.length()) : "";
            String mnemonic = op.contains(".") ? op.substring(0, op.indexOf('.')) : op;
            if (key.startsWith(OP) && !CostKeys.OPCODES.contains(mnemonic)) {
                throw new BoardException(e.where() + ": opcode '" + mnemonic
                        + "' is not in the TinyJ subset (see CostKeys.OPCODES)");
            } else if (key.startsWith(OP) && !CostKeys.isOpcodeKey(op)) {
                throw new BoardException(e.where() + ": unknown form in '" + op + "' (forms: "
                        + String.join(", ", CostKeys.FORMS) + ")");
            } else if (key.startsWith(EXTRA) && !CostKeys.EXTRAS.contains(key.substring(EXTRA.length()))) {
                throw new BoardException(e.where() + ": no such named extra (known: "
                        + String.join(", ", CostKeys.EXTRAS) + ")");
            } else if (!key.startsWith(OP) && !key.startsWith(EXTRA)
                    && !(key.startsWith(SLEEP) && key.length() > SLEEP.length())) {
                throw new BoardException(e.where() + ": unknown field");
            }
        }
    }

    private void checkRequired() throws BoardException {
        List<String> required = new ArrayList<>(REQUIRED);
        CostKeys.OPCODES.forEach(op -> required.add(OP + op));
        CostKeys.EXTRAS.forEach(x -> required.add(EXTRA + x));
        for (String key : required) {
            if (profile.get(key) == null) {
                String file = profile.file();
                Profile.Entry costs = profile.get("costs.calibrated");
                if ((key.startsWith(OP) || key.startsWith(EXTRA)) && costs != null) {
                    file = costs.file(); // name the cost file that should have priced it
                }
                throw new BoardException(file + ": missing required field '" + key + "'");
            }
        }
    }

    private String text(String key) {
        return profile.get(key).value();
    }

    private BoardException bad(String key, String expected) {
        Profile.Entry e = profile.get(key);
        return new BoardException(e.where() + ": " + expected);
    }

    /** A non-negative integer: decimal or {@code 0x} hex, {@code _} allowed between digits. */
    private long natural(String key) throws BoardException {
        String raw = text(key);
        String digits = raw.replace("_", "");
        try {
            long v = digits.startsWith("0x") || digits.startsWith("0X")
                    ? Long.parseLong(digits.substring(2), 16)
                    : Long.parseLong(digits);
            if (v >= 0 && !digits.startsWith("+") && !digits.startsWith("-")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(key, "expected a non-negative integer, got '" + raw + "'");
    }

    private long address(String key) throws BoardException {
        return natural(key);
    }

    private int size(String key) throws BoardException {
        long v = natural(key);
        if (v > Integer.MAX_VALUE) {
            throw bad(key, "value " + v + " does not fit in 31 bits");
        }
        return (int) v;
    }

    /** A cost in decimal cycles, as ticks ({@link CostTable#TICKS_PER_CYCLE}), rounded to the nearest. */
    private int ticks(String key) throws BoardException {
        double cycles = decimal(key);
        if (cycles > 1_000_000) {
            throw bad(key, "cost " + text(key) + " is over 1,000,000 cycles");
        }
        return (int) Math.round(cycles * CostTable.TICKS_PER_CYCLE);
    }

    /** A non-negative decimal number: digits with an optional fraction, {@code _} allowed. */
    private double decimal(String key) throws BoardException {
        String raw = text(key);
        if (DECIMAL.matcher(raw).matches()) {
            return Double.parseDouble(raw.replace("_", ""));
        }
        throw bad(key, "expected a non-negative decimal number, got '" + raw + "'");
    }

    private boolean bool(String key) throws BoardException {
        return switch (text(key)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, "expected 'true' or 'false', got '" + text(key) + "'");
        };
    }

    /**
     * A sourced figure: {@code unknown} gives {@link Figure#unknown} with the source as the reason;
     * otherwise a non-negative number ({@code numeric}) or any text. The source is required.
     */
    private Figure figure(String key, boolean numeric) throws BoardException {
        Profile.Entry e = profile.get(key);
        if (e.source() == null) {
            throw bad(key, "needs a source: add '# source: ...' (for 'unknown', the reason)");
        }
        if (e.value().equals("unknown")) {
            return Figure.unknown(e.source());
        }
        if (!numeric) {
            return new Figure(Double.NaN, e.value(), e.source(), true);
        }
        return new Figure(decimal(key), e.value(), e.source(), true);
    }
}
