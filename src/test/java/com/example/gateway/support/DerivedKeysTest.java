package com.example.gateway.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerivedKeysTest {

    private static final DerivedKeys OLD = new DerivedKeys("the-master-key-before-the-rotation-000");
    private static final DerivedKeys NEW = new DerivedKeys("the-master-key-after-the-rotation-0000");

    @Test
    void derivesOneKeyPerPurposeFromAMasterOfAtLeast32Characters() {
        assertArrayEquals(OLD.key(KeyPurpose.SECRET_BOX),
                new DerivedKeys("the-master-key-before-the-rotation-000").key(KeyPurpose.SECRET_BOX), "stable");
        for (KeyPurpose a : KeyPurpose.values()) {
            assertNotEquals(HexFormat.of().formatHex(OLD.key(a)), HexFormat.of().formatHex(NEW.key(a)),
                    "another master, another key");
            for (KeyPurpose b : KeyPurpose.values()) {
                if (a != b) {
                    assertNotEquals(HexFormat.of().formatHex(OLD.key(a)), HexFormat.of().formatHex(OLD.key(b)),
                            a + " and " + b + " share a key");
                }
            }
        }
        assertNotEquals(OLD.keyId(), NEW.keyId());
        assertThrows(IllegalArgumentException.class, () -> new DerivedKeys("31-characters-is-one-too-short!"));
    }
}
