package io.github.jdaboot.emulator;

/**
 * What happened on the emulator's gateway, as {@link Gateway#events()} records it for
 * tests: connections, what the bot sent, what the emulator did to it.
 */
public enum GatewayActivity {

    /** A connection opened. */
    CONNECT,

    /** A connection was refused with 503 ({@link Gateway#refuseConnections(boolean)}). */
    CONNECT_REFUSED,

    /** An IDENTIFY arrived. */
    IDENTIFY,

    /** An IDENTIFY came within 5 s of the last one of its bucket: answered with op 9. */
    IDENTIFY_RATE_LIMITED,

    /** An IDENTIFY started a second session on a shard that had a live one. */
    DUPLICATE_SESSION,

    /** A session started: READY sent. */
    READY,

    /** A RESUME arrived. */
    RESUME,

    /** A RESUME replayed what the session missed; the code is how many events. */
    RESUMED,

    /** A RESUME was refused with op 9. */
    RESUME_REFUSED,

    /** The bot sent a close frame; the code is its close code. */
    CLIENT_CLOSE,

    /** The bot's connection ended without a close frame. */
    CLIENT_DROP,

    /** The emulator closed the connections with a close frame; the code is its code. */
    SERVER_CLOSE,

    /** The emulator dropped the connections without a close frame. */
    SERVER_DROP,

    /** The emulator sent op 7 RECONNECT. */
    RECONNECT_REQUEST,

    /** The emulator sent op 9 INVALID_SESSION. */
    INVALID_SESSION,

    /** Heartbeats are acknowledged again. */
    ACKS_ON,

    /** Heartbeats are no longer acknowledged: the connection turned zombie. */
    ACKS_OFF

}
