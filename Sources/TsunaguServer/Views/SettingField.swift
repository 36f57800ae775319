import TsunaguCore

/// The settings on 設定, each with its name and short explanation in the catalog.
enum SettingField {
    case fetchMode, dialingMode, autoNextAfter, doneMarkedOn, phoneNumberOpensCustomerEdit, customerScope, customerEdit
    case csvExportAndDeleteEnabled, idleLogoutMinutes, workListCap, ringTimeoutSeconds, doubleDialGuardMinutes,
        timeZone, carrierRules, wrapUpLimitMinutes, pauseReasons
    case sipHost, sipPort, sipTransport, sipAuthUser, sipPassword, sipCallerID, sipFromDomain, sipRegister,
        sipNumberFormat, sipDTMF

    var label: Label {
        switch self {
        case .fetchMode: .settingFetchMode
        case .dialingMode: .settingDialingMode
        case .autoNextAfter: .settingAutoNextAfter
        case .doneMarkedOn: .settingDoneMarkedOn
        case .phoneNumberOpensCustomerEdit: .settingPhoneNumberOpensCustomerEdit
        case .customerScope: .settingCustomerScope
        case .customerEdit: .settingCustomerEdit
        case .csvExportAndDeleteEnabled: .settingCsvExportAndDeleteEnabled
        case .idleLogoutMinutes: .settingIdleLogoutMinutes
        case .workListCap: .settingWorkListCap
        case .ringTimeoutSeconds: .settingRingTimeoutSeconds
        case .doubleDialGuardMinutes: .settingDoubleDialGuardMinutes
        case .timeZone: .settingTimeZone
        case .carrierRules: .settingCarrierRules
        case .wrapUpLimitMinutes: .settingWrapUpLimitMinutes
        case .pauseReasons: .settingPauseReasons
        case .sipHost: .settingSipHost
        case .sipPort: .settingSipPort
        case .sipTransport: .settingSipTransport
        case .sipAuthUser: .settingSipAuthUser
        case .sipPassword: .settingSipPassword
        case .sipCallerID: .settingSipCallerID
        case .sipFromDomain: .settingSipFromDomain
        case .sipRegister: .settingSipRegister
        case .sipNumberFormat: .settingSipNumberFormat
        case .sipDTMF: .settingSipDTMF
        }
    }

    var help: Label {
        switch self {
        case .fetchMode: .settingFetchModeHelp
        case .dialingMode: .settingDialingModeHelp
        case .autoNextAfter: .settingAutoNextAfterHelp
        case .doneMarkedOn: .settingDoneMarkedOnHelp
        case .phoneNumberOpensCustomerEdit: .settingPhoneNumberOpensCustomerEditHelp
        case .customerScope: .settingCustomerScopeHelp
        case .customerEdit: .settingCustomerEditHelp
        case .csvExportAndDeleteEnabled: .settingCsvExportAndDeleteEnabledHelp
        case .idleLogoutMinutes: .settingIdleLogoutMinutesHelp
        case .workListCap: .settingWorkListCapHelp
        case .ringTimeoutSeconds: .settingRingTimeoutSecondsHelp
        case .doubleDialGuardMinutes: .settingDoubleDialGuardMinutesHelp
        case .timeZone: .settingTimeZoneHelp
        case .carrierRules: .settingCarrierRulesHelp
        case .wrapUpLimitMinutes: .settingWrapUpLimitMinutesHelp
        case .pauseReasons: .settingPauseReasonsHelp
        case .sipHost: .settingSipHostHelp
        case .sipPort: .settingSipPortHelp
        case .sipTransport: .settingSipTransportHelp
        case .sipAuthUser: .settingSipAuthUserHelp
        case .sipPassword: .settingSipPasswordHelp
        case .sipCallerID: .settingSipCallerIDHelp
        case .sipFromDomain: .settingSipFromDomainHelp
        case .sipRegister: .settingSipRegisterHelp
        case .sipNumberFormat: .settingSipNumberFormatHelp
        case .sipDTMF: .settingSipDTMFHelp
        }
    }
}
