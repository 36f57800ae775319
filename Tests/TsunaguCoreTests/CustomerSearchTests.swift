import Testing
import TsunaguCore

/// 顧客一覧's filters, read and checked.
@Suite struct CustomerSearchTests {
    @Test func readsEveryFilter() throws {
        let search = try CustomerSearch.parse(
            [
                "list": "L1", "distributed": "distributed", "from": "2024/11/5", "to": "2024-11-30", "deleted": "on",
                "company": " さくら ", "kana": "サクラ", "phone": "03-1234-5678", "prefecture": "東京", "address": "新宿",
                "page": "3", "dnc": "barred",
            ],
            statuses: ["noAnswer", "callback", "bogus"]
        ).get()
        #expect(search.listID == "L1" && search.distribution == .distributed)
        #expect(search.registeredFrom == "2024-11-05" && search.registeredTo == "2024-11-30")
        #expect(search.statuses == [.noAnswer, .callback] && search.includeDeleted)
        #expect(search.company == "さくら" && search.companyKana == "サクラ" && search.address == "新宿")
        #expect(search.phone == .exact("+81312345678") && search.prefecture == "東京都" && search.page == 3)
        #expect(search.dialBar == .barred)
        #expect(try CustomerSearch.parse(["dnc": "notBarred"], statuses: []).get().dialBar == .notBarred)
        #expect(try CustomerSearch.parse(["dnc": "bogus"], statuses: []).get().dialBar == .any)
    }

    /// A number matches however it was typed; part of one matches too.
    @Test(arguments: [
        ("０３（１２３４）５６７８", CustomerSearch.PhoneMatch.exact("+81312345678")),
        ("+81 3 1234 5678", .exact("+81312345678")),
        ("0312", .prefix("+81312")),
        ("5678", .contains("5678")),
    ])
    func phoneMatching(text: String, match: CustomerSearch.PhoneMatch) throws {
        #expect(try CustomerSearch.parse(["phone": text], statuses: []).get().phone == match)
    }

    /// A typed prefix becomes a range an index can seek: every number that starts with it, and no other.
    @Test func prefixRangesEndJustPastThePrefix() {
        #expect(CustomerSearch.PhoneMatch.end(ofPrefix: "+81904") == "+81905")
        #expect(CustomerSearch.PhoneMatch.end(ofPrefix: "+8109") == "+810:")
        for number in ["+81904", "+819040000000", "+81904999"] {
            #expect("+81904" <= number && number < CustomerSearch.PhoneMatch.end(ofPrefix: "+81904"))
        }
        for number in ["+81903999", "+81905", "+8190"] {
            #expect(!("+81904" <= number && number < CustomerSearch.PhoneMatch.end(ofPrefix: "+81904")))
        }
    }

    @Test func impossibleDatesAreRefused() {
        guard
            case .failure(let failure) = CustomerSearch.parse(["from": "2024/02/30", "to": "yesterday"], statuses: [])
        else {
            Issue.record("expected problems")
            return
        }
        let problems = failure.all
        #expect(problems == [.invalidDate("2024/02/30"), .invalidDate("yesterday")])
        #expect(problems[0].explanation.ja == "登録日付「2024/02/30」は日付として正しくありません(例: 2024/11/05)。")
        #expect(throws: CustomerSearch.Problems(all: [.fromAfterTo])) {
            try CustomerSearch.parse(["from": "2024-12-01", "to": "2024-11-01"], statuses: []).get()
        }
        #expect((try? CustomerSearch.parse(["from": "2024-02-29"], statuses: []).get().registeredFrom) == "2024-02-29")
    }
}
