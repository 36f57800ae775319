/// Who hears what the transports read: the user agent's core. The transports know nothing of transactions or calls;
/// they only say that a message arrived from a source, or that an error lost what was being read.
protocol SIPTransportReceiver: AnyObject {
    /// A message arrived from `source`, or one that could not be parsed (with its request line and headers when those
    /// could be read, so that it can be answered).
    func received(_ result: Result<SIPMessage, SIPRejectedMessage>, from source: SIPDestination)

    /// A transport error lost what was being read from `peer` (its address, when known).
    func logDrop(_ reason: String, from peer: String?)
}
