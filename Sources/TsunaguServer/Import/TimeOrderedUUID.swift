import Foundation

extension UUID {
    /// A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows created together get
    /// ids that sort together, so a bulk insert appends to the primary-key index instead of scattering writes
    /// across it.
    static func timeOrdered(at date: Date = Date(), using generator: inout some RandomNumberGenerator) -> UUID {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 { bytes[index] = UInt8((milliseconds >> (8 * (5 - UInt64(index)))) & 0xFF) }
        for index in 6..<16 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 9562 variant
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }

    /// Consecutive time-ordered ids for a batch: the same millisecond prefix, then a counter in the following bits,
    /// so they sort in creation order.
    static func timeOrderedSequence(count: Int, at date: Date = Date()) -> [UUID] {
        var generator = SystemRandomNumberGenerator()
        let base = timeOrdered(at: date, using: &generator)
        var template = base.uuid
        // The 26 bits after the version and variant bits hold a counter (RFC 9562 §6.2, method 1); the last six
        // bytes stay random, so two batches in the same millisecond still differ.
        return (0..<count).map { offset in
            let counter = UInt64(offset)
            template.6 = 0x70 | UInt8((counter >> 22) & 0x0F)
            template.7 = UInt8((counter >> 14) & 0xFF)
            template.8 = 0x80 | UInt8((counter >> 8) & 0x3F)
            template.9 = UInt8(counter & 0xFF)
            return UUID(uuid: template)
        }
    }
}
