import Testing
@testable import GazetteCore

@Suite struct CountryRecognizerTests {
    let recognizer = CountryRecognizer()
    func countries(_ text: String) -> [String] { recognizer.countries(in: [text]) }

    @Test func namesAndAbbreviations() {
        #expect(countries("The U.S., S. Korea, N. Korea, the U.K., the ROK and the DPRK met.") == ["United States", "South Korea", "North Korea", "United Kingdom"])
    }

    @Test func anAlternateNameThatIsAnOrdinaryWordNeverMatchesInANameOrBesideTheWord() {
        #expect(countries("Tourists flocked to Jeju Island over the holiday.") == [])
        #expect(countries("Nami Island drew crowds; the island is an hour from the capital.") == [])
        #expect(countries("Thomas Mann wrote it in exile.") == [])
        #expect(countries("She moved to Suomi in 2019.") == ["Finland"], "an alternate name that is no English word still counts")
        #expect(countries("Bosnia held elections.") == ["Bosnia & Herzegovina"])
    }

    @Test func adjectivesAndDemonyms() {
        #expect(countries("Japanese officials met the Chinese President as American troops left.") == ["Japan", "China", "United States"])
    }

    @Test func compoundsAndOrganisations() {
        #expect(countries("U.S.-China trade talks resumed at the Bank of Korea.") == ["United States", "China", "South Korea"])
    }

    @Test func aCountryNameEndingAnOrganisationsNameIsNotTheCountry() {
        #expect(countries("The ruling party gained, Gallup Korea said. Samsung Electronics Vietnam hired staff.") == [])
        #expect(countries("Gallup Korea said on Friday that most voters back the bill.") == [])
    }

    @Test func aCountryAfterAnOrdinaryWordOrInATitleCaseHeadlineIsStillTheCountry() {
        #expect(countries("In Korea, prices rose.") == ["South Korea"])
        #expect(countries("Biden Visits Korea Ahead of Summit") == ["South Korea"])
    }

    @Test func aCompoundAfterAPrefixNamesNoCountry() {
        #expect(countries("They met at the Inter-Korean Consultative Meeting and an anti-Japanese rally.") == [])
        #expect(countries("Korea-Japan ties improved.") == ["South Korea", "Japan"])
    }

    @Test func capitalsStandingForGovernments() {
        #expect(countries("Seoul has said Tokyo's restrictions hurt, after talks with Pyongyang.") == ["South Korea", "Japan", "North Korea"])
    }

    @Test func capitalsThatAreOnlyPlaces() {
        #expect(countries("He will arrive in Seoul and then fly to Tokyo.") == [])
        #expect(countries("SEOUL, Nov. 8 (Yonhap) -- Students at Seoul National University protested.") == [])
    }

    @Test func thingsThatAreNotCountries() {
        #expect(countries("On the Korean Peninsula, veterans of the Korean War ate turkey.") == [])
        #expect(countries("Michael Jordan and Chad Miller played in Atlanta, Georgia, as Denzel Washington watched.") == [])
        #expect(countries("Ships crossed the East China Sea.") == [])
    }

    @Test func georgiaTheCountryNeedsItsOwnEvidence() {
        #expect(countries("Georgia's parliament met in Tbilisi as Georgian protesters gathered.") == ["Georgia"])
    }
}

@Suite struct PersonRecognizerTests {
    let recognizer = PersonRecognizer()
    func people(_ text: String, title: String? = nil, exclude: [String] = []) -> [String] {
        recognizer.people(title: title, paragraphs: [text], exclude: exclude)
    }

    @Test func titlesAndRolesBeforeNames() {
        #expect(people("U.S. Defense Secretary Mark Esper and Joint Chiefs of Staff chair Mark Milley met Gen. Park Han-ki.") == ["Mark Esper", "Mark Milley", "Park Han-ki"])
    }

    @Test func laterMentionsFoldIntoTheFullestName() {
        #expect(people("Gen. Mark Milley arrived. Milley said Esper's plan worked. President Moon Jae-in agreed; Mr. Moon smiled.") == ["Mark Milley", "Moon Jae-in"])
    }

    @Test func spellingVariantsOfOneNameAreOnePerson() {
        #expect(people("President Moon Jae In spoke. Later, Moon Jae-in left.").count == 1)
    }

    @Test func quotedPeopleAndAppositives() {
        #expect(people("\"We are ready,\" said Kang Tae-min. Lisa Hartmann, a senior economist, agreed.") == ["Kang Tae-min", "Lisa Hartmann"])
    }

    @Test func namesInPassing() {
        #expect(people("Family reunions were last held under the Moon Jae-in government.") == ["Moon Jae-in"])
    }

    @Test func notPeople() {
        #expect(people("The Joint Chiefs of Staff and the Pentagon said BTS will perform. The defense minister attended the Korean War memorial.") == [])
    }

    @Test func theBylineIsNotTagged() {
        #expect(people("Choi You Sun has the details. Minister Lee Sang-hoon spoke.", exclude: ["Choi You Sun"]) == ["Lee Sang-hoon"])
    }

    @Test func aHeadlineAloneDoesNotMakeAPerson() {
        #expect(people("The court ruled on Monday.", title: "Court Upholds Fine on Shipping Firm") == [])
    }
}
