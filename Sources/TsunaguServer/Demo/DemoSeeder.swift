import FluentKit
import Foundation
import Telephony
import TsunaguCore
import Vapor

/// Seeds the demo tenant once: an admin, two agents, 50 customers whose numbers exercise every outcome of the
/// simulated carrier, and one call list already split between the agents. A second run changes nothing.
struct DemoSeeder: Sendable {
    static let tenantCode = "demo"
    static let password = "tsunagu-demo"

    struct Login: Sendable {
        var role: String
        var loginID: String
        var name: String
    }

    struct Result: Sendable {
        var created: Bool
        var logins: [Login]
    }

    let database: any Database
    let hash: @Sendable (String) throws -> String

    init(database: any Database, hash: @escaping @Sendable (String) throws -> String) {
        self.database = database
        self.hash = hash
    }

    static let users: [(loginID: String, name: String, group: String, ext: String, role: User.Role)] = [
        ("admin", "山田 花子", "管理", "300", .admin),
        ("agent1", "佐藤 一郎", "第1チーム", "301", .agent),
        ("agent2", "鈴木 次郎", "第1チーム", "302", .agent),
    ]

    static let companies = [
        "株式会社さくら商事", "青葉工業株式会社", "有限会社みなと水産", "株式会社ひかり電機", "東都ホールディングス株式会社",
        "株式会社あおぞら不動産", "北斗運輸株式会社", "株式会社こだま食品", "合同会社みどり農園", "株式会社はやて物流",
    ]
    static let kana = [
        "サクラショウジ", "アオバコウギョウ", "ミナトスイサン", "ヒカリデンキ", "トウトホールディングス",
        "アオゾラフドウサン", "ホクトウンユ", "コダマショクヒン", "ミドリノウエン", "ハヤテブツリュウ",
    ]
    static let contacts = ["佐々木", "田中", "", "高橋", "伊藤", "渡辺", "", "中村", "小林", "加藤"]
    static let places: [(String, String)] = [
        ("東京都", "新宿区西新宿1-1-1"), ("大阪府", "大阪市北区梅田2-2-2"), ("愛知県", "名古屋市中村区名駅3-3-3"),
        ("福岡県", "福岡市博多区博多駅前4-4-4"), ("北海道", "札幌市中央区北5条西5-5"),
    ]
    static let industries = ["卸売業", "製造業", "水産業", "電気機器", "持株会社", "不動産業", "運輸業", "食品", "農業", "物流"]

    func seed(now: Date = Date()) async throws -> Result {
        let logins = Self.users.map {
            Login(role: $0.role == .admin ? "管理者" : "一般", loginID: $0.loginID, name: $0.name)
        }
        if try await Tenant.query(on: database).filter(\.$code == Self.tenantCode).first() != nil {
            return Result(created: false, logins: logins)
        }
        let passwordHash = try hash(Self.password)
        try await database.transaction { database in
            // A newcomer may try the demo at 23:00 or on a Sunday: calls are allowed at every hour of every day,
            // and 設定 says so. A real tenant starts with `CallingWindow.default`.
            var settings = TenantSettings()
            settings.callingWindow = .always
            let tenant = Tenant(code: Self.tenantCode, name: "デモ株式会社 コールセンター", settings: settings)
            try await tenant.create(on: database)
            let scope = TenantScope(tenantID: try tenant.requireID(), database: database)
            var userIDs: [UUID] = []
            for user in Self.users {
                let model = User(
                    tenantID: scope.tenantID, loginID: user.loginID, name: user.name,
                    email: "\(user.loginID)@demo.tsunagu.invalid", groupName: user.group, phoneExtension: user.ext,
                    role: user.role, passwordHash: passwordHash, phonePassword: "phone-\(user.ext)")
                try await scope.create(model)
                userIDs.append(try model.requireID())
            }
            let importer = CustomerImporter(scope: scope)
            let registeredOn = TenantCalendar(identifier: "Asia/Tokyo").day(of: now)
            let summary = try await importer.importCustomers(Self.customers(), registeredOn: registeredOn, now: now)

            let list = CallList(
                tenantID: scope.tenantID, name: "デモリスト", createdByUserID: userIDs[0], distribution: .evenSplit)
            try await scope.create(list)
            let agents = Array(userIDs.dropFirst())
            for (position, customerID) in summary.insertedIDs.enumerated() {
                let entry = CallListEntry(
                    tenantID: scope.tenantID, callListID: try list.requireID(), customerID: customerID,
                    position: position, assignedUserID: agents[position % agents.count])
                try await scope.create(entry)
            }
            try await scope.query(Customer.self).set(\.$distributed, to: true).update()
        }
        return Result(created: true, logins: logins)
    }

    /// 50 customers; the last digit of each number picks its simulated outcome (see `SimulatedCarrierRules.standard`),
    /// five customers per digit. 03-0000-xxxx is never assigned to a real line (a local number cannot start with 0).
    static func customers() -> [CustomerDraft] {
        (0..<50).map { index in
            let company = index % companies.count
            let place = places[index % places.count]
            let number = String(format: "03-0000-%04d", 1000 + index)
            var draft = CustomerDraft(phone: try! PhoneNumber.parse(number).get())
            draft.kind = index % 7 == 6 ? .individual : .corporate
            draft.company =
                index % 7 == 6 ? "" : "\(companies[company]) \(["本社", "支店", "営業所", "事業部", "工場"][index / 10])"
            draft.companyKana = index % 7 == 6 ? "" : kana[company]
            draft.contactName =
                index % 7 == 6
                ? "個人 \(contacts[(index + 3) % contacts.count].isEmpty ? "山本" : contacts[(index + 3) % contacts.count])様"
                : contacts[(index * 3) % contacts.count]
            draft.prefecture = place.0
            draft.address = place.1
            draft.industry = industries[company]
            draft.email = index % 4 == 0 ? "info\(index)@example.jp" : ""
            draft.note = index % 9 == 0 ? "前回: 資料送付済み" : ""
            return draft
        }
    }
}
