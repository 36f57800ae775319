import Foundation
import TsunaguCore

/// A realistic customer file: Japanese names and addresses, numbers typed every which way, quoted notes.
enum SampleCustomerFile {
    static let header = ["会社名", "会社名フリガナ", "担当者名", "電話番号", "都道府県", "住所", "メールアドレス", "業種", "区分", "顧客備考"]
    static let companies = ["株式会社さくら商事", "青葉工業株式会社", "有限会社みなと水産", "株式会社ひかり電機", "北斗運輸株式会社"]
    static let kana = ["サクラショウジ", "アオバコウギョウ", "ミナトスイサン", "ヒカリデンキ", "ホクトウンユ"]
    static let contacts = ["佐藤", "鈴木", "", "高橋 健一", "田中"]
    static let addresses = ["新宿区西新宿1-1-1 中央ビル3F", "大阪市北区梅田2-2-2", "名古屋市中村区名駅3-3-3", "福岡市博多区博多駅前4-4-4"]

    static func cp932(rows: Int) -> [UInt8] {
        let writer = CSVWriter(encoding: .cp932)
        var bytes = writer.record(header)
        bytes.reserveCapacity(rows * 150)
        for index in 0..<rows {
            let number: String
            switch index % 4 {
            case 0: number = String(format: "03-%04d-%04d", index / 10_000, index % 10_000)
            case 1: number = String(format: "090-%04d-%04d", index / 10_000, index % 10_000)
            case 2: number = String(format: "066%07d", index)
            default: number = String(format: "+81 50 %04d %04d", index / 10_000, index % 10_000)
            }
            let company = index % companies.count
            bytes += writer.record([
                "\(companies[company]) \(index)号店", kana[company], contacts[index % contacts.count], number,
                Prefecture.all[index % 47], addresses[index % addresses.count],
                index % 3 == 0 ? "info\(index)@example.jp" : "", "卸売業", index % 5 == 0 ? "個人" : "法人",
                index % 7 == 0 ? "前回不在, 再訪問" : "",
            ])
        }
        return bytes
    }
}
