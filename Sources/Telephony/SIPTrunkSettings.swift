import Foundation

/// A tenant's SIP trunk: where calls go and how we present ourselves there.
public struct SIPTrunkSettings: Sendable, Hashable, Codable {
    public enum NumberFormat: String, Sendable, Hashable, Codable {
        /// `0312345678`: what Japanese carriers' trunks (ひかり電話 and most IP-PBXs) expect.
        case national
        /// `+81312345678`
        case e164
    }

    /// How dial-pad tones reach the trunk during a call.
    public enum DTMFMethod: String, Sendable, Hashable, Codable {
        /// RFC 4733 telephone-event packets in the audio: what most trunks take, and the default.
        case rfc4733
        /// SIP INFO with `application/dtmf-relay`, for trunks that only read tones from the signalling.
        case sipInfo
    }

    public var host: String
    public var port: Int
    /// `udp` or `tcp`.
    public var transport: String
    /// Digest user; empty when the trunk trusts our address.
    public var authUser: String
    public var password: String
    /// The caller ID (From user part): the number the customer sees.
    public var callerID: String
    /// From's host; the trunk host when empty.
    public var fromDomain: String
    public var register: Bool
    public var numberFormat: NumberFormat
    public var dtmfMethod: DTMFMethod

    public init(
        host: String, port: Int = 5060, transport: String = "udp", authUser: String = "", password: String = "",
        callerID: String, fromDomain: String = "", register: Bool = false, numberFormat: NumberFormat = .national,
        dtmfMethod: DTMFMethod = .rfc4733
    ) {
        self.host = host
        self.port = port
        self.transport = transport
        self.authUser = authUser
        self.password = password
        self.callerID = callerID
        self.fromDomain = fromDomain
        self.register = register
        self.numberFormat = numberFormat
        self.dtmfMethod = dtmfMethod
    }

    private enum CodingKeys: String, CodingKey {
        case host, port, transport, authUser, password, callerID, fromDomain, register, numberFormat, dtmfMethod
    }

    /// Settings stored before a field existed decode with that field's default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            host: try container.decode(String.self, forKey: .host),
            port: try container.decode(Int.self, forKey: .port),
            transport: try container.decode(String.self, forKey: .transport),
            authUser: try container.decode(String.self, forKey: .authUser),
            password: try container.decode(String.self, forKey: .password),
            callerID: try container.decode(String.self, forKey: .callerID),
            fromDomain: try container.decode(String.self, forKey: .fromDomain),
            register: try container.decode(Bool.self, forKey: .register),
            numberFormat: try container.decode(NumberFormat.self, forKey: .numberFormat),
            dtmfMethod: try container.decodeIfPresent(DTMFMethod.self, forKey: .dtmfMethod) ?? .rfc4733)
    }

    /// The number as the trunk wants it, from E.164 (+81…).
    func dialString(_ e164: String) -> String {
        switch numberFormat {
        case .e164: e164
        case .national: e164.hasPrefix("+81") ? "0" + e164.dropFirst(3) : e164
        }
    }
}
