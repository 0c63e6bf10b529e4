// Excerpts of the seed story (a Phnom Penh Post article, 13 June 2008) and
// of the Khmer Universal Declaration of Human Rights, as test input.
#pragma once

namespace galley::test {

inline constexpr const char* kSeedParagraph =
    "Two women, one of whom is an HIV positive sex worker and the other a former prostitute, smoke cigarettes in "
    "an alleyway in Phnom Penh’s Chamkarmon district on June 10. Organizations working with prostitutes say they "
    "applaud the US State Department’s decision to reward Cambodia’s efforts to curb human trafficking by "
    "upgrading its anti-trafficking rating. But they also warn that the government’s fight against people "
    "smuggling is unfairly targeting commercial sex workers instead of those behind rampant sexual exploitation.";

inline constexpr const char* kSeedStory[] = {
    "The United States’ decision to upgrade Cambodia’s anti-human trafficking rating has received praise from "
    "those working to end human smuggling. But advocates for sex workers, while saying they agree with the "
    "decision, warn that authorities are failing to distinguish between those forced into sexual slavery and "
    "those they say have chosen to prostitute themselves.",
    "Cambodia this year has been placed in Tier 2, the middle category in the US State Department’s annual "
    "Trafficking in Persons report, putting it alongside countries like Chile, Angola and El Salvador, which are "
    "among the 170 countries assessed.",
    "Since 2006, the Kingdom has languished on the Tier 2 Watch List after being relegated to the lowest "
    "category, Tier 3, in 2005.",
    "US Embassy spokesman Jeff Daigle said the country’s improved ranking “marks a continuing trend of sustained "
    "attention to the issue and reflects the Royal Government of Cambodia’s increased engagement in combating "
    "trafficking in persons.”",
    "Achieving a Tier 2 ranking is an achievement “which would not have been possible without a strong "
    "commitment at the highest levels of the government,” he wrote to the Post on June 12.",
    "For the Cambodian anti-trafficking community, Tier 2 was “definitely deserved” and due to a “marathon "
    "effort” on the part of the government, said Marielle Sander Lindstrom, chief of party of the "
    "Counter-Trafficking in Persons (CTIP) Program, which is funded by USAID and implemented by The Asia "
    "Foundation.",
    "The Asia Foundation works directly with the government through the national task force on human "
    "trafficking.",
    "“I’ve never worked with a government that has been so completely engaged and impressive and has tried so "
    "hard to get a better overview of the trafficking situation,” she told the Post on June 12.",
    "The Tier 2 announcement on June 5 followed Cambodia’s passage in February of sweeping anti-trafficking "
    "legislation that resulted in what appeared to be a widespread crackdown on the country’s teeming sex "
    "industry, with authorities closing hundreds of brothels across Cambodia.",
    "Advocates working with sex workers say they agree with Cambodia’s ascent to Tier 2, but say the "
    "government’s efforts to combat trafficking under the new legislation is unfairly targeting every "
    "prostitute, rather than only brothel owners, pimps and human traffickers.",
    "“It is very good that Cambodia is active in combating human trafficking and I am glad about the Tier 2 "
    "ranking,” said Keo Tha, a representative of Women’s Network for Unity.",
    "“[But] if people work voluntarily as sex workers to earn their living, they are not connected to human "
    "trafficking and the authorities should not crack down on them,” she told the Post on June 12.",
    "Moreover, organizations working in the health sector – including UNAIDS – have expressed concerns about "
    "the public health implications of the government’s efforts to stamp out the sex industry, which they say "
    "only drives sex workers further underground and out of reach of the health care services they desperately "
    "need.",
    "Critics claim that condom campaigns and HIV/Aids treatment and prevention programs which formerly reached "
    "hundreds of brothel-based prostitutes, have virtually collapsed since the crackdown began.",
};

/// From the preamble of the Khmer UDHR (words are not separated by spaces).
inline constexpr const char* kKhmer =
    "ដោយយល់ឃើញថា ការទទួលស្គាល់សេចក្ដីថ្លៃថ្នូរជាប់ពីកំណើត និងសិទ្ធិស្មើភាពគ្នា និងសិទ្ធិមិន អាចលក់ ដូរ ផ្ទេរ "
    "ឬដកហូតបានរបស់សមាជិកទាំងអស់នៃគ្រួសារមនុស្ស គឺជាគ្រឹះនៃសេរីភាព យុត្ដិធម៌ និងសន្ដិភាពក្នុងពិភពលោក។";

}  // namespace galley::test
