/**
 * The restricted-subset verifier: walks the static call graph of a {@link
 * dev.tinyj.emulator.vm.load.FirmwareImage} from {@code setup()}, {@code loop()} and the
 * {@code <clinit>} of every class reached, and reports every construct outside TinyJ's subset
 * (DESIGN.md, "The restricted subset") in javac's message form. It also computes what the VM needs
 * before the first run: the class initialisation order, a callees-first method order, the
 * longest call chain and the {@code @Progmem} constant tables.
 *
 * <p>Entry point: {@link dev.tinyj.emulator.vm.verify.SubsetVerifier#verify}.
 */
package dev.tinyj.emulator.vm.verify;
