package dev.handshake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class outside {@code cli} that may touch {@code System.out}/{@code System.err}, with the reason
 * where the exception is made. ArchitectureTest exempts exactly the classes that carry it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AllowedToUseStandardStreams {

    /** Why this class needs the process's streams. */
    String value();
}
