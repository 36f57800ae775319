/// The ng commands Tsunagu uses, with what each needs.
public enum NGCommand: Sendable, Equatable {
    case ping
    /// The first SDP of a call, from the caller's side.
    case offer(callID: String, fromTag: String, sdp: String, options: NGMediaOptions)
    /// The callee's SDP in reply.
    case answer(callID: String, fromTag: String, toTag: String, sdp: String, options: NGMediaOptions)
    case delete(callID: String, fromTag: String?)
    case query(callID: String)

    public var name: String {
        switch self {
        case .ping: "ping"
        case .offer: "offer"
        case .answer: "answer"
        case .delete: "delete"
        case .query: "query"
        }
    }

    public var body: BencodeValue {
        var entries: [(String, BencodeValue)] = [("command", .string(name))]
        var options: NGMediaOptions?
        switch self {
        case .ping:
            break
        case .offer(let callID, let fromTag, let sdp, let mediaOptions):
            entries += [("call-id", .string(callID)), ("from-tag", .string(fromTag)), ("sdp", .string(sdp))]
            options = mediaOptions
        case .answer(let callID, let fromTag, let toTag, let sdp, let mediaOptions):
            entries += [
                ("call-id", .string(callID)), ("from-tag", .string(fromTag)), ("to-tag", .string(toTag)),
                ("sdp", .string(sdp)),
            ]
            options = mediaOptions
        case .delete(let callID, let fromTag):
            entries.append(("call-id", .string(callID)))
            if let fromTag { entries.append(("from-tag", .string(fromTag))) }
        case .query(let callID):
            entries.append(("call-id", .string(callID)))
        }
        var all = entries.map { (key: Array($0.0.utf8), value: $0.1) }
        if let options { all += options.entries }
        return .dictionary(all)
    }
}
