import Testing
import TsunaguCore

/// RFC 4180 and the CSV Excel writes.
@Suite struct CSVReaderTests {
    static func records(_ text: String) -> [Result<CSVRecord, CSVSyntaxError>] {
        var reader = CSVReader(utf8: Array(text.utf8))
        var out: [Result<CSVRecord, CSVSyntaxError>] = []
        while let next = reader.nextRecord() { out.append(next) }
        return out
    }

    static func fields(_ text: String) -> [[String]] {
        records(text).map { (try? $0.get().fields) ?? ["<error>"] }
    }

    @Test func plainRecordsWithEveryLineEnding() {
        #expect(Self.fields("a,b\r\nc,d\r\n") == [["a", "b"], ["c", "d"]])
        #expect(Self.fields("a,b\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(Self.fields("a,b\rc,d\r") == [["a", "b"], ["c", "d"]])
        #expect(Self.fields("a,,\n") == [["a", "", ""]])
    }

    @Test func quotedFieldsWithCommasQuotesAndNewlines() {
        #expect(Self.fields("\"株式会社A, 本社\",\"say \"\"hi\"\"\"\r\n") == [["株式会社A, 本社", "say \"hi\""]])
        #expect(Self.fields("\"line1\r\nline2\",x\r\nnext,y") == [["line1\r\nline2", "x"], ["next", "y"]])
        #expect(Self.fields("\"\",\"\"\n") == [["", ""]])
    }

    /// Line numbers count physical lines, so a record after a multi-line field reports where it starts.
    @Test func lineNumbersFollowPhysicalLines() throws {
        let records = Self.records("h1,h2\n\"a\nb\nc\",1\nlast,2\n")
        #expect(try records.map { try $0.get().line } == [1, 2, 5])
    }

    /// A quote inside an unquoted field is text, as Excel reads it.
    @Test func strayQuoteInUnquotedFieldIsText() {
        #expect(Self.fields("ab\"c,d\n") == [["ab\"c", "d"]])
    }

    @Test func textAfterClosingQuoteIsAnErrorAndReadingGoesOn() {
        let records = Self.records("ok,1\n\"abc\"def,2\nok,3\n")
        #expect(records.count == 3)
        #expect(records[1] == .failure(CSVSyntaxError(line: 2, kind: .textAfterClosingQuote)))
        #expect((try? records[2].get().fields) == ["ok", "3"])
    }

    @Test func unterminatedQuoteReportsItsLine() {
        let records = Self.records("ok,1\n\"never closed,2\nmore\n")
        #expect(records.count == 2)
        #expect(records[1] == .failure(CSVSyntaxError(line: 2, kind: .unterminatedQuote)))
        #expect(CSVSyntaxError(line: 2, kind: .unterminatedQuote).explanation.ja.hasPrefix("2行目"))
    }
}

/// CSV that Excel opens as it is.
@Suite struct CSVWriterTests {
    @Test func quotesWhereNeededAndEndsWithCRLF() {
        let writer = CSVWriter(encoding: .utf8WithBOM)
        let line = String(decoding: writer.record(["a", "b,c", "say \"hi\"", "x\ny", " pad"]), as: UTF8.self)
        #expect(line == "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\",\" pad\"\r\n")
        #expect(writer.preamble == [0xEF, 0xBB, 0xBF])
    }

    /// A cell a spreadsheet would run as a formula is written as text.
    @Test func defusesFormulas() {
        let line = String(
            decoding: CSVWriter(encoding: .utf8WithBOM).record(["=1+1", "@SUM(A1)", "ok"]), as: UTF8.self)
        #expect(line == "'=1+1,'@SUM(A1),ok\r\n")
    }

    @Test func writesCP932ThatReadsBack() throws {
        let writer = CSVWriter()
        let bytes = writer.preamble + writer.record(["会社名", "電話番号"]) + writer.record(["株式会社①", "03-1234-5678"])
        let decoded = try TextFileDecoder.decode(bytes).get()
        #expect(decoded.encoding == .cp932)
        var reader = CSVReader(utf8: decoded.utf8)
        #expect(try reader.nextRecord()?.get().fields == ["会社名", "電話番号"])
        #expect(try reader.nextRecord()?.get().fields == ["株式会社①", "03-1234-5678"])
    }
}
