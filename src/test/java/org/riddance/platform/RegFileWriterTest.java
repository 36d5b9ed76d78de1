package org.riddance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegFileWriterTest {

    private static final String KEY = "HKEY_LOCAL_MACHINE\\SOFTWARE\\WOW6432Node\\KasperskyLab";

    @Test
    void anExportReadsBackAsTheSameKeysAndValues() throws Exception {
        InMemoryRegistry registry = new InMemoryRegistry()
                .putValue(KEY + "\\protected\\KES.12\\environment",
                        new RegistryValue("ProductRoot", RegistryValue.Type.SZ, "C:\\Program Files (x86)\\Kaspersky Lab\\KES.12\\"))
                .putValue(KEY + "\\protected\\KES.12\\environment",
                        new RegistryValue("Quote", RegistryValue.Type.SZ, "say \"hi\""))
                .putValue(KEY + "\\protected\\KES.12\\Data", new RegistryValue("LicDaysTillExpiration", RegistryValue.Type.DWORD, 4294967295L))
                .putValue(KEY + "\\protected\\KES.12\\Data", new RegistryValue("Big", RegistryValue.Type.QWORD, 1L << 40))
                .putValue(KEY + "\\protected\\KES.12\\Data", new RegistryValue("Path", RegistryValue.Type.EXPAND_SZ, "%ProgramData%\\KL"))
                .putValue(KEY + "\\protected\\KES.12\\Data", new RegistryValue("Filters", RegistryValue.Type.MULTI_SZ, List.of("klif", "kbdclass")))
                .putValue(KEY + "\\protected\\KES.12\\Data", new RegistryValue("Blob", RegistryValue.Type.BINARY, new byte[] {1, 2, (byte) 0xff}))
                .putValue(KEY, new RegistryValue("", RegistryValue.Type.SZ, "default"));

        byte[] export = RegFileWriter.export(registry, KEY);

        assertThat(export[0]).isEqualTo((byte) 0xFF);
        assertThat(export[1]).isEqualTo((byte) 0xFE);
        String text = new String(export, 2, export.length - 2, StandardCharsets.UTF_16LE);
        assertThat(text).startsWith("Windows Registry Editor Version 5.00\r\n\r\n[" + KEY + "]\r\n@=\"default\"\r\n")
                .contains("\"LicDaysTillExpiration\"=dword:ffffffff\r\n");
        InMemoryRegistry back = RegFileParser.parse(export, "export.reg");
        for (String key : List.of(KEY, KEY + "\\protected\\KES.12\\environment", KEY + "\\protected\\KES.12\\Data")) {
            assertThat(back.values(key)).hasSameSizeAs(registry.values(key));
            registry.values(key).forEach((name, value) -> {
                RegistryValue read = back.value(key, name).orElseThrow();
                assertThat(read.type()).as(name).isEqualTo(value.type());
                assertThat(read.asText()).as(name).isEqualTo(value.asText());
            });
        }
    }
}
