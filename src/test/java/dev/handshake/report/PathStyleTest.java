package dev.handshake.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathStyleTest {

    private final PathStyle style = new PathStyle(Path.of("/work/site"));

    @Test
    void insideTheWorkingDirectoryPathsAreRelative() {
        assertEquals("conf/nginx.conf", style.display(Path.of("/work/site/conf/../conf/nginx.conf")));
        assertEquals("conf/nginx.conf", style.display(Path.of("conf/nginx.conf")));
        assertEquals(".", style.display(Path.of("/work/site")));
        assertEquals("/etc/nginx/nginx.conf", style.display(Path.of("/etc/nginx/nginx.conf")));
        assertEquals("/work/site2/a.conf", style.display(Path.of("/work/site2/a.conf")));
    }

    @Test
    void sarifUrisAreRelativeAndEncodedInsideElseFileUris() {
        assertEquals("conf.d/my%20site.conf", style.uri(Path.of("/work/site/conf.d/my site.conf")));
        assertEquals("file:///etc/nginx/nginx.conf", style.uri(Path.of("/etc/nginx/nginx.conf")));
    }
}
