"""A compact lexicon of common given names, for telling a name from a title (issue 5).

`is_given_name("Sarah")` -> True, so "Sarah Jane Whitcombe, who runs the taproom," keeps
"Sarah" where "Conservator Helena Pryce" loses "Conservator".

How the list was chosen: a few hundred given names that are frequent across many
countries, written from general knowledge (no download, no registry): English, Irish,
Welsh and Scottish; French; Spanish and Portuguese; Italian; German, Dutch and
Scandinavian; Slavic; Arabic, Persian and Turkish; South Asian; Chinese, Japanese and
Korean romanisations; West, East and southern African. Keys are folded like `name_key`
(lower case, no accents). Left out on purpose: names that are also titles or job words
(Dean, Earl, Duke, Major, Bishop, Marshal, Pastor, King, Prince); names that are also
common capitalised sentence openers or months (Will, Hope, Faith, Joy, May, June, April,
August, Young, Marine, Grant, Chase, Guy, Art, Rich); words the speech-verb, particle,
stop and place lists already own (Said, Bin, Georgia, Jan, Jun, Bill, Francisco). The
list is a positive signal only: a word missing from it is no evidence against a name.
"""

from __future__ import annotations

from .names import name_key


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


GIVEN_NAMES = _names(
    """
    aaron adam adrian aidan alan albert alex alexander alfie alfred andrew angus anthony archie
    arthur barry ben benjamin bernard  billy bob bobby brandon brendan brian bruce callum
    carl charles charlie christopher clive colin connor craig daniel darren david dennis derek
    dominic donald douglas duncan dylan eddie edward edwin elliot eric ethan eugene frank
    frederick freddie gabriel gary gavin geoffrey george gerald gordon graham gregory harold
    harry harvey henry howard hugh ian jack jacob jake james jamie jason jeffrey jeremy jerry
    jesse jim jimmy joe john johnny jonathan joseph joshua justin keith kenneth kevin kyle
    larry lawrence leo leonard lewis liam logan louis luke malcolm mark martin matthew max
    michael mike neil nathan nicholas nigel noah oliver oscar owen patrick paul peter philip
    ralph raymond reginald richard robert roger ronald roy rupert russell ryan samuel scott
    sean simon stanley stephen steven stuart ted terence terry theo thomas timothy toby tom
    tony trevor tyler victor vincent walter wayne william zachary
    abigail ada alice alison amanda amber amelia amy andrea angela ann anna anne annie
    audrey ava barbara beatrice beatrix betty beverly brenda bridget caroline carol carolyn
    catherine charlotte cheryl chloe christine christina clara claire deborah debra denise
    diana diane donna doris dorothy edith edna eleanor elizabeth ella ellen ellie elsie emily
    emma esther evelyn fiona florence frances freya gemma  gillian gladys gloria grace
    hannah harriet hazel heather helen helena irene isabel isabella isla jacqueline jane janet
    janice jean jennifer jessica jill joan joanna joanne josephine joyce judith judy julia
    julie karen kate katherine kathleen kathryn katie kelly kimberly laura lauren linda lisa
    lorna louise lucy lydia lynn madison margaret marie marilyn martha mary megan melissa
    michelle mildred molly nancy natalie nell nicola nicole olive olivia pamela patricia
    pauline penelope phoebe poppy rachel rebecca rose rosemary ruth sally samantha sandra
    sarah sharon sheila shirley sophia sophie stephanie susan sylvia teresa theresa tracy
    valerie vanessa victoria violet virginia wendy yvonne zoe
    aoife bethan bronwen cian ciara conor dafydd declan eoin gareth gwen iain hamish niamh
    owain padraig rhys siobhan seamus morag ewan angharad carys
    alain andre antoine aurelie benoit brigitte camille celine christophe claude damien
    didier dominique elodie emmanuel etienne fabrice francois francoise gerard guillaume
    herve isabelle jacques jeanne julien laurent lea luc manon marc margaux martine mathieu
    michel monique nathalie olivier philippe pierre rene sandrine sebastien sylvie thierry
    valentin veronique yves
    alberto alejandro alfonso alvaro ana andres antonio beatriz carlos carmen consuelo
    cristina diego dolores eduardo elena enrique esteban fernanda fernando  gabriela
    guadalupe ignacio javier joao jorge jose juan juana lucia luis manuel marta mateo
    mercedes miguel pablo paula pedro pilar rafael ramon raul ricardo roberto rodrigo rosa
    santiago sergio sofia tiago valentina ximena
    alessandra alessandro chiara elisa fabio federica francesca francesco gianluca giorgio
    giovanna giovanni giulia giuseppe lorenzo luca luigi marco mario massimo matteo paola
    paolo salvatore silvia stefano vincenzo
    anders andreas anke astrid birgit bjorn claudia dieter erik frida gisela greta gunter
    hans heike heinz helmut henrik horst ingrid  johan jorg jurgen karin katrin kirsten
    klaus lars lena maarten matthias monika nils ole petra pieter sabine sanne sigrid sven
    ulrich ursula ute willem wolfgang
    agnieszka aleksandra alexei anastasia andrei boris dmitri dmitry ekaterina igor irina
    ivan jakub katarzyna krzysztof magdalena marek mikhail natalia nikolai oleg olga pavel
    piotr sergei sergey svetlana tatiana tomasz vladimir wojciech yuri zofia
    abdel abdul abdullah adel ahmad ahmed aisha ali amina amir amira ayesha bilal dina emre
    elif fahad faisal farah farid fatima hamid hamza hana hassan huda hussein ibrahim karim
    khadija khaled khalid laila layla leila mahmoud mariam maryam mehdi mehmet mohamed
    mohammad mohammed muhammad mustafa nabil nadia noor nour omar rania rashid reza saeed
    salim salma samir samira tariq umar walid yasmin youssef yusuf zahra zainab zeynep
    amit anil anita anjali arjun arun asif ashok deepa deepak divya farhan imran irfan kamran
    kavita kiran lakshmi manoj meena naveed neha nisha pooja pradeep priya rahul raj rajesh
    rakesh ramesh ravi rekha saima sana sanjay shahid shreya sunil sunita suresh usman vijay
    vikram zubair
    fang feng hao hong hui jie jing  lei lin ling mei ming qiang tao wei xiao xin xiu ying
    akira haruto hiroshi kenji keiko naoko takashi yoko yuki ji min seo hye
    abena adaeze ade akosua ama amadou aminata chidi chinedu chioma emeka fatou folake
    ibrahima jabu kofi kwabena kwame lerato mamadou moussa ngozi nomvula sipho thabo themba
    tunde wanjiru
    """
)
# A second, broader batch (issue 10: real pages name people once, in full, with no title):
# more English-language diminutives and older forms, and common names of further languages.
# The same exclusions apply (titles, months, ordinary words, places and countries).
GIVEN_NAMES |= _names(
    """
    abe alec allan alvin andy matt nate zach josh tomas angelo archibald arnold austin barney basil benedict bernie
    bertie bradley brett byron calvin cameron casey cecil cedric chester chris christian
    clarence clayton clifford clint clyde cody conrad cornelius curtis cyril damian dan danny
    darrell darryl dave denis desmond dick don doug drew edgar edmund elijah elliott emil
    ernest ernie errol evan felix fergus floyd francis fred geoff gerry gilbert glenn greg
    hal hank herbert herman horace ivor jared jeff jerome joel jon julian karl ken kenny kirk
    kurt lance leon leroy leslie lionel lloyd lou lucas marcus marvin maurice melvin mick
    mickey miles mitchell morris murray ned neville nick norman otis pat percy pete phil
    quentin randall randy ray reggie ricky rob robbie rodney ron ronnie ross ruben rudy rufus
    sam sammy seth sid sidney stan steve stewart teddy tim todd travis troy vernon wallace
    warren wesley wilbur willie winston
    agnes alexandra alicia allison alma annette arlene belinda bernadette beth bonnie
    brianna candice carla cassandra cathy cecilia charlene cindy colleen connie courtney
    cynthia daisy dana danielle daphne debbie dianne dolly dora eileen elaine eliza eloise
    elsa emilia erica erin faye felicity gail geraldine gina gwendolyn hayley heidi hilary
    hillary ida imogen jasmine jenny jo jodie josie juliet kara kathy katrina kay kim kirsty
    kristen lara leah lesley lillian lola lorraine lottie lucille lynda mabel maggie mandy
    marcia margot maria marian marion marjorie marlene maureen maxine melanie mia miranda
    miriam moira muriel myra nadine naomi nina nora norma paige peggy philippa polly
    priscilla regina renee rita roberta rosalind selina serena shannon sonia stella sue
    suzanne tamara tammy tanya tara tessa tina toni tricia vera vicky viola wilma winifred
    yolanda
    adriana alonso beatriz catalina emilio ernesto gonzalo hector inés lorena marisol nicolas
    octavio patricio rocio rodolfo teodoro vicente
    bruno emanuele enzo fiorella gino raffaele riccardo sara simone tommaso valerio
    axel bernd elke fritz gerhard gudrun hannes jens jonas kai knut lukas otto rolf stefan
    torsten uwe volker
    aleksander bogdan darya grigory jan-erik kirill ludmila milan nikita oksana roman stanislav
    vadim valentina viktor yelena zoran
    abdulrahman adnan akram anwar ayman bashir hani hisham jamal kamal majid marwan nasser
    rami sami tarek waleed yasser ziad
    aditya akash anand arvind ashish gaurav harish manish mukesh narendra nitin pankaj
    prakash rohan rohit sachin sameer sandeep sudhir vinod yogesh asad bilawal fawad nawaz
    shahbaz
    chen hua jun li-wei xiaoming yan zhang-wei haruki kazuo makoto naoki satoshi
    adwoa akua efua kwesi kojo yaw olu segun yemi bola chiamaka obinna uche zanele
    """
)


def is_given_name(word: str) -> bool:
    """Whether a name word is a common given name: `is_given_name("Jean-Paul")` -> True.

    Case and accents are folded; a hyphenated name counts by its first part.
    """
    key = name_key(word)
    return key in GIVEN_NAMES or key.split(" ", 1)[0] in GIVEN_NAMES
