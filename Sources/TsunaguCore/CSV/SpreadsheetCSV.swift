/// A CSV file as people save it from a spreadsheet, opened up to its first non-blank record: the encoding detected
/// (CP932, UTF-8, UTF-16), tab separated when Excel saved it as UTF-16 text. The customer import and the
/// 架電禁止リスト import both start here, then read the rest from `reader`.
struct SpreadsheetCSV {
    enum Problem: Error {
        case encoding(TextFileDecoder.Failure)
        /// Nothing but blank lines.
        case empty
        case syntax(CSVSyntaxError)
    }

    var encoding: TextFileEncoding
    /// Positioned after `first`.
    var reader: CSVReader
    /// The first non-blank record: a header, or the first row of a file without one.
    var first: CSVRecord

    static func open(_ bytes: [UInt8]) -> Result<SpreadsheetCSV, Problem> {
        let decoded: TextFileDecoder.Decoded
        switch TextFileDecoder.decode(bytes) {
        case .success(let value): decoded = value
        case .failure(let failure): return .failure(.encoding(failure))
        }
        // Excel saves UTF-16 text as tab separated.
        let isUTF16 = decoded.encoding == .utf16LittleEndian || decoded.encoding == .utf16BigEndian
        var reader = CSVReader(utf8: decoded.utf8, separator: isUTF16 ? UInt8(ascii: "\t") : UInt8(ascii: ","))
        while let next = reader.nextRecord() {
            switch next {
            case .failure(let error): return .failure(.syntax(error))
            case .success(let record) where record.isBlank: continue
            case .success(let record):
                return .success(SpreadsheetCSV(encoding: decoded.encoding, reader: reader, first: record))
            }
        }
        return .failure(.empty)
    }
}
