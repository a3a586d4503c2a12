package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Battery;
import dev.tinyj.boards.Board;
import dev.tinyj.boards.Figure;
import java.util.Optional;
import java.util.Set;

/**
 * The battery a battery-life estimate uses: {@code --battery-mah} (with {@code --battery-v}, by
 * default the board's supply voltage), else the board's default battery ({@code power.battery}),
 * else none.
 *
 * @param battery the battery, or empty when there is none
 * @param origin {@code flags}, {@code board}, or {@code none}
 * @param why for none: {@code no battery: } and the board's default power source; else null
 */
record BatteryChoice(Optional<Battery> battery, String origin, String why) {
    static final Set<String> FLAGS = Set.of("battery-mah", "battery-v");
    static final String FLAG_SOURCE = "--battery-mah/--battery-v";

    /**
     * {@code --battery-mah} and {@code --battery-v} as given (each null when absent), read before
     * the board is known.
     */
    record Flags(String command, Double milliampHours, Double volts) {
        /** Reads the flags; a bad value, or a voltage without a capacity, is a usage error (exit 2). */
        static Flags of(String command, Args a) throws UsageException {
            Double mah = Budgets.positiveWithin(command, a, "battery-mah", 0.001, 1e9);
            Double volts = Budgets.positiveWithin(command, a, "battery-v", 0.1, 1000);
            if (mah == null && volts != null) {
                throw new UsageException(command + ": --battery-v needs --battery-mah (the battery's capacity, mAh)");
            }
            return new Flags(command, mah, volts);
        }

        /** The battery for {@code board}: the flags', else the board's, else none. */
        BatteryChoice choose(Board board) throws UsageException {
            if (milliampHours == null) {
                Optional<Battery> own = board.power().battery();
                if (own.isPresent()) {
                    return new BatteryChoice(own, "board", null);
                }
                Figure source = board.power().powerSource();
                return new BatteryChoice(Optional.empty(), "none", "no battery: " + board.id()
                        + "'s default power source is " + (source.known() ? source.text()
                                : "not sourced (" + source.source() + ")")
                        + "; --battery-mah X [--battery-v V] estimates one");
            }
            double v;
            if (volts != null) {
                v = volts;
            } else if (board.power().supplyVolts().known()) {
                v = board.power().supplyVolts().value();
            } else {
                throw new UsageException(command + ": --battery-mah needs --battery-v here: " + board.id()
                        + "'s supply voltage is not sourced");
            }
            return new BatteryChoice(Optional.of(new Battery(milliampHours, v, FLAG_SOURCE)), "flags", null);
        }
    }
}
