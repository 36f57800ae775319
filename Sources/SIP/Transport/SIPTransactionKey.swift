/// A transaction's key in the user agent's tables: the top Via's branch and the method (a CANCEL shares its INVITE's
/// branch, RFC 3261 §17.1.3; an ACK for a non-2xx is matched to its INVITE, §17.2.3).
struct SIPTransactionKey: Hashable {
    var branch: SIPBranchKey
    var method: SIPMethod

    /// The branch alone tells transactions apart but for a CANCEL and its INVITE: hashing the method's text too
    /// would cost more than those two sharing a bucket.
    func hash(into hasher: inout Hasher) { hasher.combine(branch) }
}
