/// The media-handling options of an offer or answer: what rtpengine should turn the SDP into on the way through.
/// Only what is set is sent; rtpengine's defaults apply to the rest.
public struct NGMediaOptions: Sendable, Equatable {
    public enum ICE: String, Sendable {
        case force, remove, forceRelay = "force-relay", optional, `default`
    }

    public enum DTLS: String, Sendable {
        case off, passive, active
    }

    public enum TransportProtocol: String, Sendable {
        case rtpAVP = "RTP/AVP"
        case rtpSAVP = "RTP/SAVP"
        case rtpAVPF = "RTP/AVPF"
        /// WebRTC's profile: DTLS-SRTP with RTCP feedback.
        case webRTC = "UDP/TLS/RTP/SAVPF"
    }

    public enum RTCPMux: String, Sendable {
        case offer, require, demux, accept, reject
    }

    /// Codec manipulation (rtpengine's `codec` dictionary).
    public struct Codecs: Sendable, Equatable {
        /// Codecs removed from the SDP ("all" removes every one not kept by `except`).
        public var strip: [String] = []
        /// Codecs kept when `strip` names "all".
        public var except: [String] = []
        /// Codecs added to the offer, transcoded by rtpengine when the other side picks them.
        public var transcode: [String] = []
        /// Codecs re-enabled after a strip (offered without transcoding).
        public var offer: [String] = []

        public init(strip: [String] = [], except: [String] = [], transcode: [String] = [], offer: [String] = []) {
            self.strip = strip
            self.except = except
            self.transcode = transcode
            self.offer = offer
        }

        var isEmpty: Bool { strip.isEmpty && except.isEmpty && transcode.isEmpty && offer.isEmpty }
    }

    public var ice: ICE?
    public var dtls: DTLS?
    public var transportProtocol: TransportProtocol?
    public var rtcpMux: [RTCPMux] = []
    /// SDES crypto handling, e.g. ["off"] so a DTLS leg offers no SDES keys.
    public var sdes: [String] = []
    public var codecs = Codecs()
    /// Call recording in rtpengine; Tsunagu never records, so it says so explicitly.
    public var recordCall: Bool? = false
    /// Plain flags such as "trust-address", "generate-mid", "strict-source".
    public var flags: [String] = []
    /// SDP fields rtpengine rewrites, e.g. "origin", "session-connection".
    public var replace: [String] = []

    public init(
        ice: ICE? = nil, dtls: DTLS? = nil, transportProtocol: TransportProtocol? = nil, rtcpMux: [RTCPMux] = [],
        sdes: [String] = [], codecs: Codecs = Codecs(), recordCall: Bool? = false, flags: [String] = [],
        replace: [String] = []
    ) {
        self.ice = ice
        self.dtls = dtls
        self.transportProtocol = transportProtocol
        self.rtcpMux = rtcpMux
        self.sdes = sdes
        self.codecs = codecs
        self.recordCall = recordCall
        self.flags = flags
        self.replace = replace
    }

    var entries: [(key: [UInt8], value: BencodeValue)] {
        var entries: [(String, BencodeValue)] = []
        if let ice { entries.append(("ICE", .string(ice.rawValue))) }
        if let dtls { entries.append(("DTLS", .string(dtls.rawValue))) }
        if let transportProtocol { entries.append(("transport-protocol", .string(transportProtocol.rawValue))) }
        if !rtcpMux.isEmpty { entries.append(("rtcp-mux", .strings(rtcpMux.map(\.rawValue)))) }
        if !sdes.isEmpty { entries.append(("SDES", .strings(sdes))) }
        if !codecs.isEmpty {
            var codec: [(String, BencodeValue)] = []
            if !codecs.strip.isEmpty { codec.append(("strip", .strings(codecs.strip))) }
            if !codecs.except.isEmpty { codec.append(("except", .strings(codecs.except))) }
            if !codecs.transcode.isEmpty { codec.append(("transcode", .strings(codecs.transcode))) }
            if !codecs.offer.isEmpty { codec.append(("offer", .strings(codecs.offer))) }
            entries.append(("codec", .dictionary(codec.map { (key: Array($0.0.utf8), value: $0.1) })))
        }
        if let recordCall { entries.append(("record call", .string(recordCall ? "yes" : "no"))) }
        if !flags.isEmpty { entries.append(("flags", .strings(flags))) }
        if !replace.isEmpty { entries.append(("replace", .strings(replace))) }
        return entries.map { (key: Array($0.0.utf8), value: $0.1) }
    }
}

extension NGMediaOptions {
    /// The browser's WebRTC offer turned into a plain RTP offer for the trunk: no ICE, no DTLS, RTCP on its own
    /// port, and only the codecs a telephone network speaks (G.711 and DTMF events), so no transcoding is needed.
    public static let webRTCToPlainRTP = NGMediaOptions(
        ice: .remove, dtls: .off, transportProtocol: .rtpAVP, rtcpMux: [.demux],
        codecs: Codecs(strip: ["all"], except: ["PCMU", "PCMA", "telephone-event"]),
        flags: ["trust-address"], replace: ["origin", "session-connection"])

    /// The trunk's plain RTP answer turned back for the browser (rtpengine restores ICE and DTLS-SRTP from the offer).
    /// rtpengine takes the DTLS client role (setup:active): it starts the handshake as soon as ICE succeeds, which
    /// it began at the offer; forcing it passive leaves both sides waiting on loopback.
    public static let plainRTPAnswerToWebRTC = NGMediaOptions(
        ice: .force, dtls: .active, transportProtocol: .webRTC, rtcpMux: [.accept],
        flags: ["trust-address"], replace: ["origin", "session-connection"])
}
