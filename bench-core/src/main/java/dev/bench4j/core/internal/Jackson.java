package dev.bench4j.core.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** bench-core's one Jackson mapper: shared, configured once here and never reconfigured. */
public final class Jackson {

    /** The mapper; never reconfigure it. */
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Jackson() {
    }
}
