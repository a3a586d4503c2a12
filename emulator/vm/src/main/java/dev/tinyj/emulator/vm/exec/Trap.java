package dev.tinyj.emulator.vm.exec;

/**
 * Thrown inside the interpreter and natives to stop the guest; the interpreter turns it into a
 * {@link GuestFault} with the guest's stack. A {@code null} kind is a normal {@code Mcu.halt()}.
 */
public final class Trap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final FaultKind kind;

    public Trap(FaultKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    /** A normal halt. */
    public static Trap halt() {
        return new Trap(null, "halt");
    }
}
