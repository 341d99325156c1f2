package kz.adal.testing;

/** Test-side hooks for pages that use WebRTC, added with {@code BrowserContext.addInitScript}. */
public final class RtcHooks {
    private RtcHooks() {
    }

    /**
     * Collects the page's peer connections in {@code window.__pcs} (for {@code getStats()}) and, when the test sets
     * {@code window.__forceRelay}, makes them use TURN relay candidates only.
     */
    public static final String PEER_CONNECTIONS = """
            (() => {
              const Native = window.RTCPeerConnection;
              window.__pcs = [];
              window.RTCPeerConnection = function (cfg) {
                const c = Object.assign({}, cfg || {});
                if (window.__forceRelay) c.iceTransportPolicy = 'relay';
                const pc = new Native(c);
                window.__pcs.push(pc);
                return pc;
              };
              window.RTCPeerConnection.prototype = Native.prototype;
            })();
            """;
}
