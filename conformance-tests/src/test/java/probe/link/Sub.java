package probe.link;

/** Declares nothing: {@code Sub.x} resolves to {@link Base#x} (JVMS §5.4.3.2). */
public class Sub extends Base {
}
