package probe.link;

/** A static field declared here and named through a subclass ({@link StaticInherit}). */
public class Base {
    static int x;
}
