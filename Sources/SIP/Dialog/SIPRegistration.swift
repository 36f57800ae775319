/// A registration binding at a registrar (RFC 3261 §10.2), without I/O: it builds each REGISTER (same Call-ID,
/// rising CSeq, §10.2.4), answers one digest challenge per nonce, and says when to refresh.
public struct SIPRegistration: Sendable {
    public struct Parameters: Sendable, Hashable {
        /// The address of record: To and From (`sip:user@trunk`).
        public var addressOfRecord: SIPURI
        /// The registrar's URI: the Request-URI (`sip:trunk`).
        public var registrar: SIPURI
        public var contact: SIPURI
        public var expires: Int
        public var credentials: SIPCredentials?
        public var userAgent: String

        public init(
            addressOfRecord: SIPURI, registrar: SIPURI, contact: SIPURI, expires: Int = 3600,
            credentials: SIPCredentials?, userAgent: String = "Tsunagu"
        ) {
            self.addressOfRecord = addressOfRecord
            self.registrar = registrar
            self.contact = contact
            self.expires = expires
            self.credentials = credentials
            self.userAgent = userAgent
        }
    }

    public enum Outcome: Sendable, Hashable {
        /// Send this REGISTER (after a challenge).
        case retry(SIPRequest)
        /// Registered for this many seconds: refresh before they run out.
        case registered(expires: Int)
        /// The registrar refused (the code), or kept challenging (wrong credentials).
        case failed(statusCode: Int)
    }

    public var parameters: Parameters
    public let callID: String
    private let tag: String
    private var sequence: UInt32 = 0
    private var answeredNonces: Set<String> = []
    private var nonceCounts: [String: UInt32] = [:]
    private var authorization: (SIPHeaderName, DigestChallenge)?
    private let identifiers: SIPIdentifiers

    public init(parameters: Parameters, identifiers: SIPIdentifiers = .random) {
        self.parameters = parameters
        self.identifiers = identifiers
        self.callID = identifiers.callID()
        self.tag = identifiers.tag()
    }

    /// The next REGISTER, on a new branch; `expires: 0` removes the binding. A challenge already answered is
    /// answered again up front with the next nonce count (RFC 2617 §3.2.2), saving a round trip on refreshes.
    public mutating func request(via: SIPVia, expires: Int? = nil) -> SIPRequest {
        sequence += 1
        var headers = SIPHeaders()
        headers.add(.via, via.description)
        headers.add(.maxForwards, "70")
        headers.add(.from, "<\(parameters.addressOfRecord)>;tag=\(tag)")
        headers.add(.to, "<\(parameters.addressOfRecord)>")
        headers.add(.callID, callID)
        headers.add(.cseq, SIPCSeq(sequence, .register).description)
        headers.add(.contact, "<\(parameters.contact)>")
        headers.add(.expires, String(expires ?? parameters.expires))
        headers.add(.userAgent, parameters.userAgent)
        var request = SIPRequest(method: .register, uri: parameters.registrar, headers: headers)
        if let (name, challenge) = authorization, let value = answer(challenge) {
            request.headers.add(name, value)
        }
        return request
    }

    public mutating func handle(_ response: SIPResponse, retryVia: @autoclosure () -> SIPVia) -> Outcome {
        if response.isSuccess {
            let granted =
                response.headers.contacts.compactMap { $0.parameters.value("expires").flatMap(Int.init) }.first
                ?? response.headers[.expires].flatMap { Int($0.trimmingSpaces) } ?? parameters.expires
            return .registered(expires: granted)
        }
        guard response.statusCode == 401 || response.statusCode == 407, parameters.credentials != nil else {
            return .failed(statusCode: response.statusCode)
        }
        let name: SIPHeaderName = response.statusCode == 407 ? .proxyAuthorization : .authorization
        let challenges = response.headers.values(response.statusCode == 407 ? .proxyAuthenticate : .wwwAuthenticate)
        guard let challenge = DigestChallenge.preferred(among: challenges),
            !answeredNonces.contains(challenge.nonce) || challenge.stale
        else { return .failed(statusCode: response.statusCode) }
        answeredNonces.insert(challenge.nonce)
        authorization = (name, challenge)
        return .retry(request(via: retryVia()))
    }

    private mutating func answer(_ challenge: DigestChallenge) -> String? {
        guard let credentials = parameters.credentials else { return nil }
        let count = (nonceCounts[challenge.nonce] ?? 0) + 1
        nonceCounts[challenge.nonce] = count
        return try? DigestAuthorization(
            answering: challenge, method: .register, uri: parameters.registrar.description,
            username: credentials.username, password: credentials.password, cnonce: identifiers.cnonce(),
            nonceCount: count
        ).description
    }

    /// When to send the refresh: halfway through a short grant (two minutes or less), otherwise a minute before it
    /// runs out.
    public static func refreshDelay(forExpires expires: Int) -> Duration {
        .seconds(expires <= 120 ? max(1, expires / 2) : expires - 60)
    }
}

extension String {
    fileprivate var trimmingSpaces: String { String(SIPSyntax.trim(Substring(self))) }
}
