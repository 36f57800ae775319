extension CustomerDraft {
    /// Checks a customer's fields (from a CSV row or the 顧客編集 form) and builds the draft, or says what is wrong.
    /// `value` gives each field's text, already trimmed and within its length.
    public static func validated(_ value: (CustomerField) -> String?) -> Result<
        CustomerDraft, CustomerRowProblem.Reason
    > {
        let phone: PhoneNumber
        switch PhoneNumber.parse(value(.phone) ?? "") {
        case .success(let number): phone = number
        case .failure(let error): return .failure(.phone(error))
        }
        var draft = CustomerDraft(phone: phone)
        draft.company = value(.company) ?? ""
        draft.companyKana = value(.companyKana) ?? ""
        draft.contactName = value(.contactName) ?? ""
        draft.industry = value(.industry) ?? ""
        draft.note = value(.note) ?? ""
        draft.address = value(.address) ?? ""
        if draft.company.isEmpty && draft.contactName.isEmpty { return .failure(.missingName) }
        if let kindText = value(.kind), !kindText.isEmpty {
            guard let kind = CustomerKind(text: kindText) else { return .failure(.unknownKind(kindText)) }
            draft.kind = kind
        }
        if let prefectureText = value(.prefecture), !prefectureText.isEmpty {
            guard let prefecture = Prefecture.canonical(prefectureText) else {
                return .failure(.unknownPrefecture(prefectureText))
            }
            draft.prefecture = prefecture
            if draft.address.utf8.starts(with: prefecture.utf8), let split = Prefecture.split(address: draft.address) {
                draft.address = split.rest
            }
        } else if let split = Prefecture.split(address: draft.address) {
            draft.prefecture = split.prefecture
            draft.address = split.rest
        }
        if let email = value(.email), !email.isEmpty {
            guard EmailAddress.isPlausible(email) else { return .failure(.invalidEmail(email)) }
            draft.email = email
        }
        return .success(draft)
    }
}
