/// Words that tell a recogniser what kind of thing a capitalised phrase is. Written for
/// this project from the conventions of English-language wire copy.
enum NameEvidence {
    /// Titles and ranks written capitalised before a name: "Gen. Mark Milley",
    /// "Prime Minister Shinzo Abe". Also the capitalised words that build such titles.
    static let titles: Set<String> = [
        "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady", "Rev.", "Father", "Pope",
        "Gen.", "General", "Lt.", "Lieutenant", "Col.", "Colonel", "Maj.", "Major", "Capt.", "Captain", "Cmdr.", "Commander",
        "Adm.", "Admiral", "Sgt.", "Sergeant", "Cpl.", "Corporal", "Pvt.", "Private", "Marshal", "Brig.", "Brigadier",
        "President", "President-elect", "Vice-President", "Vice", "Prime", "Minister", "Secretary", "Deputy", "Chief",
        "Chairman", "Chairwoman", "Chair",
        // Players' positions, before a name the way titles are: "Forward Son Heung-min".
        "Forward", "Midfielder", "Defender", "Goalkeeper", "Striker", "Winger", "Pitcher", "Catcher", "Outfielder",
        "Infielder", "Shortstop", "Slugger", "Skipper",
        "Chairperson", "Governor", "Gov.", "Senator", "Sen.", "Representative", "Rep.", "Congressman", "Congresswoman",
        "Ambassador", "Amb.", "Envoy", "Mayor", "Director", "Commissioner", "Spokesman", "Spokeswoman", "Spokesperson",
        "Speaker", "Leader", "King", "Queen", "Prince", "Princess", "Emperor", "Empress", "Crown", "Sheikh", "Chancellor",
        "Premier", "Judge", "Justice", "Attorney", "Prosecutor", "Inspector", "Superintendent", "Officer", "Coach",
        "Manager", "CEO", "Chief Executive", "Founder", "Cardinal", "Bishop", "Archbishop", "Rabbi", "Imam", "Lawmaker",
        "Assemblyman", "Assemblywoman", "Councilman", "Councilwoman", "Adviser", "Advisor", "Counselor", "Undersecretary",
        "Under", "Assistant", "Associate", "Acting", "Interim", "Former", "First", "Grand", "Supreme", "Foreign", "Defense",
        "Defence", "Finance", "Trade", "Unification", "Interior", "Justice", "Health", "Labor", "Labour", "Education",
        "Environment", "Energy", "Industry", "Economy", "Agriculture", "Culture", "Science", "Transport", "Land", "Fisheries",
        "Oceans", "Gender", "Equality", "Welfare", "Security", "National", "Home", "State", "Treasury", "Commerce",
        "Intelligence", "Joint", "Staff", "Party", "Opposition", "Ruling", "Executive", "Senior", "Special", "Presidential",
        "Military", "Navy", "Army", "Air", "Force", "Police", "Supreme", "Court", "High", "Commissioner", "Chief Justice",
    ]

    /// Words in lower case right before a name that make it a person: "spokesperson
    /// Jonathan Hoffman", "novelist Baek So-ra", "his counterpart Park Han-ki".
    static let roles: Set<String> = [
        "spokesperson", "spokesman", "spokeswoman", "chair", "chairman", "chairwoman", "president", "minister", "secretary",
        "counterpart", "novelist", "writer", "author", "poet", "actor", "actress", "singer", "rapper", "director", "producer",
        "economist", "analyst", "researcher", "professor", "scholar", "scientist", "expert", "lawyer", "attorney", "judge",
        "prosecutor", "official", "officials", "lawmaker", "lawmakers", "legislator", "senator", "governor", "mayor", "envoy",
        "ambassador", "diplomat", "leader", "chief", "head", "founder", "ceo", "executive", "manager", "coach", "player",
        "striker", "midfielder", "defender", "goalkeeper", "pitcher", "golfer", "skater", "swimmer", "athlete", "champion",
        "captain", "commander", "general", "admiral", "colonel", "soldier", "sergeant", "officer", "detective", "inspector",
        "reporter", "journalist", "correspondent", "editor", "columnist", "photographer", "artist", "painter", "composer",
        "conductor", "pianist", "violinist", "dancer", "designer", "architect", "engineer", "entrepreneur", "businessman",
        "businesswoman", "billionaire", "investor", "banker", "trader", "activist", "candidate", "nominee", "contender",
        "deputy", "aide", "adviser", "advisor", "assistant", "negotiator", "mediator", "premier", "dictator", "king", "queen",
        "prince", "princess", "emperor", "pope", "cardinal", "bishop", "priest", "monk", "nun", "rabbi", "imam", "dr.",
        "survivor", "victim", "suspect", "defendant", "witness", "resident", "farmer", "fisherman", "teacher", "student",
        "doctor", "nurse", "surgeon", "physician", "pastor", "veteran", "defector", "owner", "shipowner", "worker", "manager",
        "economist", "strategist", "commentator", "host", "anchor", "presenter", "comedian", "model", "star", "idol", "member",
    ]

    /// Verbs after a name (or before it, "said Kang") that mark a person speaking.
    static let speech: Set<String> = [
        "said", "says", "told", "tells", "added", "adds", "noted", "notes", "stressed", "stresses", "urged", "urges",
        "warned", "warns", "argued", "argues", "asked", "asks", "explained", "explains", "wrote", "writes", "announced",
        "announces", "stated", "states", "insisted", "insists", "claimed", "claims", "emphasized", "emphasised", "pledged",
        "vowed", "vows", "promised", "promises", "admitted", "admits", "denied", "denies", "confirmed", "confirms",
        "recalled", "recalls", "predicted", "predicts", "suggested", "suggests", "acknowledged", "tweeted", "posted",
        "replied", "responded", "countered", "concluded", "believes", "believed", "thinks", "thought", "met", "meets",
        "visited", "visits", "called", "calls", "expressed", "expresses", "criticized", "criticised", "praised", "accused",
        "welcomed", "resigned", "died", "dies", "arrived", "arrives", "left", "won", "wins", "lost", "signed", "ordered",
        "will", "would", "has", "had", "is", "was", "who", "whose",
    ]

    /// Words that make a capitalised phrase an organisation, event, place or thing.
    static let nonPersonWords: Set<String> = [
        "Wa",  // Cheong Wa Dae, the presidential office's name until 2022
        // Firms named for what they do: "Clarksons Research", "Hana Securities".
        "Research", "Securities", "Capital", "Partners", "Investment", "Investments", "Analytics", "Consulting",
        "Insights", "Economics", "Advisors", "Advisory", "Ratings", "Asset", "Assets", "Insurance", "Financial",
        "Solutions", "Logistics", "Ventures", "Pictures", "Software", "Semiconductor", "Construction", "Engineering",
        "Agreement", "Treaty", "Accord", "Act", "Law", "Bill", "Ministry", "Department", "Agency", "Office", "Council",
        "Committee", "Commission", "Board", "Bureau", "Service", "Services", "Authority", "Administration", "Government",
        "Cabinet", "Parliament", "Congress", "Senate", "Assembly", "Court", "Party", "Union", "Association", "Federation",
        "Institute", "Institution", "Foundation", "Center", "Centre", "University", "College", "School", "Academy",
        "Hospital", "Clinic", "Bank", "Fund", "Reserve", "Exchange", "Market", "Markets", "Index", "Group", "Company",
        "Corporation", "Corp.", "Inc.", "Co.", "Ltd.", "Holdings", "Industries", "Electronics", "Motor", "Motors", "Airlines",
        "Airways", "Air", "Lines", "Shipping", "Shipbuilding", "Heavy", "Steel", "Chemical", "Energy", "Oil", "Gas", "Power",
        "Telecom", "Mobile", "Technologies", "Technology", "Systems", "Labs", "Pharma", "Pharmaceuticals", "Entertainment",
        "Studios", "Records", "Network", "Broadcasting", "News", "Radio", "TV", "Television", "Times", "Post", "Journal",
        "Herald", "Daily", "Tribune", "Gazette", "Press", "Wire", "Media", "Chiefs", "Forces", "Force", "Army", "Navy",
        "Marines", "Guard", "Command", "Police", "Station", "Airport", "Port", "Harbour", "Harbor", "Bridge", "Tower",
        "Stadium", "Arena", "Museum", "Library", "Gallery", "Palace", "Temple", "Church", "Cathedral", "Mosque", "Hall",
        "House", "Square", "Street", "Road", "Avenue", "Boulevard", "Highway", "Expressway", "Line", "Railway", "Island",
        "Islands", "Peninsula", "Sea", "Ocean", "Gulf", "Strait", "Bay", "River", "Lake", "Mountain", "Mountains", "Valley",
        "Province", "Prefecture", "County", "City", "District", "Region", "Zone", "Coast", "War", "Wars", "Summit", "Forum",
        "Conference", "Games", "Olympics", "Olympic", "Cup", "League", "Championship", "Championships", "Open", "Festival",
        "Awards", "Award", "Prize", "Day", "Week", "Year", "Festival", "Show", "Series", "Program", "Programme", "Project",
        "Plan", "Initiative", "Strategy", "Policy", "Report", "Index", "Survey", "Census", "Council", "Republic", "Kingdom",
        "Empire", "Dynasty", "Union", "Alliance", "Coalition", "Front", "Movement", "Organization", "Organisation", "Team",
        "Club", "FC", "Fans", "Pentagon", "Kremlin", "Blue", "White", "Capitol", "Mall", "Center", "Centers", "Northeast",
        "Southeast", "Northwest", "Southwest", "Asia", "Asian", "Europe", "European", "Africa", "African", "Pacific",
        "Atlantic", "Arctic", "Antarctic", "Middle", "East", "West", "Western", "Eastern", "Northern", "Southern", "Global",
        "International", "World", "Ministerial", "Chamber", "Commerce", "Trade", "Federal", "Central", "Customs", "Tax",
        "Finance", "Financial", "Economic", "Economy", "Security", "Information", "Intelligence", "Defense", "Defence",
        "Military", "Nuclear", "Missile", "Missiles", "Korean", "Internet", "Covid", "COVID", "Coronavirus", "Omicron",
        "Delta", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
        "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Christmas",
        "Easter", "Ramadan", "Chuseok", "Lunar", "New", "Liberation", "Independence", "Constitution", "Democratic",
        "Republican", "Liberal", "Conservative", "Labor", "Labour", "Green", "Greens", "People", "Peoples", "Workers",
        "Korea", "Korean", "Google", "Apple", "Samsung", "Hyundai", "Microsoft", "Amazon", "Facebook", "Twitter", "YouTube",
        "Netflix", "Instagram", "Kakao", "Naver", "Tesla", "Toyota", "Sony", "Honda", "Nissan", "Boeing", "Airbus",
        "Headquarters", "Countermeasure", "Countermeasures", "Task", "Taskforce", "Secretariat", "Consultative", "Meeting",
        "Pollster", "Gallup", "Realmeter", "Poll", "Polls",
    ]

    /// Capitalised words that begin sentences and phrases without being names.
    static let commonCapitalized: Set<String> = [
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You", "His", "Her",
        "Their", "Our", "My", "Your", "After", "Before", "While", "When", "Where", "Why", "How", "What", "Who", "Which",
        "According", "Meanwhile", "However", "But", "And", "Or", "So", "If", "As", "At", "In", "On", "Of", "For", "With",
        "From", "To", "By", "Into", "Under", "Over", "Since", "Until", "During", "Despite", "Although", "Though", "Because",
        "Also", "Still", "Yet", "Even", "Only", "Both", "Each", "Every", "All", "Some", "Many", "Most", "Several", "Other",
        "Another", "Such", "No", "Not", "There", "Here", "Then", "Now", "Today", "Tomorrow", "Yesterday", "Last", "Next",
        "En", "Mr", "Ms", "Mrs", "Anchor", "Report", "Reporter", "Host", "Q", "A", "Related", "Photo", "Thumbnail", "Editor",
        "Updated", "Written", "Sound", "Bite", "Earlier", "Later", "Once", "Twice", "Among", "Amid", "Against", "Between",
        "Without", "Within", "About", "Above", "Below", "Upon", "Unlike", "Like", "Instead", "Indeed", "Thus", "Therefore",
        "Officials", "Experts", "Analysts", "Critics", "Residents", "Police", "Rescuers", "Authorities", "Sources",
    ]
}
