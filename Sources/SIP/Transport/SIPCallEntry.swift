/// A call in the user agent's table: the dialog's machine, where its requests go, who hears its progress, and its
/// ring timer. Today every entry is a call we placed (`OutboundCall`).
///
/// A class: the state is changed where it is stored, so a look-up costs one reference, not a copy of every field.
final class SIPCallEntry {
    var call: OutboundCall
    let destination: SIPDestination
    let report: @Sendable (OutboundCallProgress) -> Void
    var ringTimer: SIPTimerID?

    init(call: OutboundCall, destination: SIPDestination, report: @escaping @Sendable (OutboundCallProgress) -> Void) {
        self.call = call
        self.destination = destination
        self.report = report
    }
}
