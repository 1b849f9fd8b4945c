/**
 * Demo content for a first start: a fictional agency, the Inland Waterways Navigation
 * Administration, with its authors, categories, current and archived posts, and comments.
 * Every name, place, figure and address here is invented; links use reserved example domains.
 */

/** Inline markup allowed inside text: **bold**, *italic*, [label](https://www.example.gov/path). Nothing else. */
export type DemoBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: 2 | 3; text: string }
  | { type: 'list'; ordered?: boolean; items: string[] }
  | { type: 'quote'; text: string }
  | { type: 'table'; header: string[]; rows: string[][] }
  /** One of DEMO_IMAGES (src/seed/demoImages.ts), by key: uploaded, then placed in the body. */
  | { type: 'image'; image: string }

export type DemoAuthor = {
  /** Short id used by posts. */
  key: string
  name: string
  /** Lowercase-hyphenated, unique. */
  slug: string
  /** Official title. */
  title: string
  office: string
  /** One to three sentences. */
  bio: string
  /** Set on exactly one author: that profile belongs to the demo author account. */
  userEmail?: string
}

export type DemoCategory = { key: string; title: string; slug: string }

export type DemoComment = {
  /** Unique within the post. */
  key: string
  /** Key of an earlier comment in the same post. */
  replyTo?: string
  authorName: string
  authorEmail: string
  authorUrl?: string
  /** Plain text; may contain blank lines between paragraphs and single line breaks. */
  body: string
  status: 'approved' | 'pending' | 'spam'
  /** When it was submitted, relative to the post's publishedAt. */
  hoursAfterPublication: number
}

export type DemoPost = {
  title: string
  /** Lowercase-hyphenated, unique. */
  slug: string
  /** One or two sentences, at most 300 characters. */
  excerpt: string
  /** ISO date, YYYY-MM-DD. */
  publishedAt: string
  /** DemoAuthor keys, one or two. */
  authors: string[]
  /** DemoCategory keys. */
  categories: string[]
  archived: boolean
  /** Per-post override of the archive banner text. */
  archiveNotice?: string
  commentStatus: 'open' | 'closed'
  commentsClosedReason?: string
  body: DemoBlock[]
  comments: DemoComment[]
}

export const DEMO_SITE: { siteName: string; agencyName: string; currentSiteUrl: string } = {
  siteName: 'Navigation Notes',
  agencyName: 'Inland Waterways Navigation Administration',
  currentSiteUrl: 'https://www.example.gov/',
}

export const DEMO_AUTHORS: DemoAuthor[] = [
  {
    key: 'brandt',
    name: 'Marisol Brandt',
    slug: 'marisol-brandt',
    title: 'Administrator',
    office: 'Office of the Administrator',
    bio: 'Marisol Brandt leads the Inland Waterways Navigation Administration. She spent fourteen years as a civil engineer on lock and dam projects along the Tamsin River before joining the agency’s leadership.',
  },
  {
    key: 'tillman',
    name: 'Warren Tillman',
    slug: 'warren-tillman',
    title: 'Chief, Lock and Dam Operations Division',
    office: 'Office of Navigation Operations',
    bio: 'Warren Tillman oversees the crews who operate and maintain the agency’s 23 locks. He started as a deckhand on a towboat and later served as lockmaster at Harlan Bend.',
  },
  {
    key: 'halvorsen',
    name: 'Priya Halvorsen',
    slug: 'priya-halvorsen',
    title: 'Director, River Data Services',
    office: 'Office of Hydrologic Information',
    bio: 'Priya Halvorsen runs the program that collects and publishes river stage, flow and channel depth data. Her team maintains 112 gauges and the public data service.',
    userEmail: 'author@example.gov',
  },
  {
    key: 'achterberg',
    name: 'Desmond Achterberg',
    slug: 'desmond-achterberg',
    title: 'Program Manager, Small Harbor Access Grants',
    office: 'Office of Community Partnerships',
    bio: 'Desmond Achterberg manages the agency’s grant program for small river ports, public landings and boat ramps. He previously worked for a regional planning commission.',
  },
]

export const DEMO_CATEGORIES: DemoCategory[] = [
  { key: 'notices', title: 'Navigation Notices', slug: 'navigation-notices' },
  { key: 'data', title: 'River Data', slug: 'river-data' },
  { key: 'infrastructure', title: 'Locks and Infrastructure', slug: 'locks-and-infrastructure' },
  { key: 'grants', title: 'Grants and Partnerships', slug: 'grants-and-partnerships' },
  { key: 'engagement', title: 'Public Engagement', slug: 'public-engagement' },
]

const ARCHIVED_CLOSED = 'Comments are closed because this post has been archived.'

export const DEMO_POSTS: DemoPost[] = [
  {
    title: 'Sign up for LockLine: text alerts when lock delays top two hours',
    slug: 'lockline-text-alerts-pilot',
    excerpt:
      'A six-month pilot on the Tamsin River sends a text message to registered operators whenever the wait at a lock is expected to exceed two hours.',
    publishedAt: '2017-05-16',
    authors: ['tillman'],
    categories: ['notices'],
    archived: true,
    archiveNotice:
      'LockLine was retired in March 2022. Current lock wait times and closure alerts are published on the River Operations Dashboard at https://www.example.gov/operations. This post is kept as part of the public record.',
    commentStatus: 'closed',
    commentsClosedReason: ARCHIVED_CLOSED,
    body: [
      {
        type: 'paragraph',
        text: 'Starting **June 1, 2017**, towboat operators, fleeting services and recreational boaters can sign up for *LockLine*, a free text-message service that warns of long waits at the seven locks between Port Ardis and Harlan Bend.',
      },
      {
        type: 'paragraph',
        text: 'Lock crews already radio queue information to vessels in the approach. LockLine sends the same information earlier, so a captain still a day out can slow down, take on fuel or stage a tow instead of idling below the lock.',
      },
      { type: 'heading', level: 2, text: 'How to sign up' },
      {
        type: 'list',
        ordered: true,
        items: [
          'Text the word LOCKS to the number printed on the notice board at any Tamsin River lock.',
          'Reply with the lock numbers you want to follow, separated by commas, for example 9, 11, 14.',
          'Confirm with YES. You can text STOP at any time to end the alerts.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Alerts go out when the expected wait passes two hours and again when it falls back below one hour. We will review the pilot in December and publish what we learn on the [operations page](https://www.example.gov/operations).',
      },
    ],
    comments: [],
  },
  {
    title: 'What the 2018 spring high-water season means for barge traffic',
    slug: 'spring-high-water-2018-barge-traffic',
    excerpt:
      'Snowpack in the upper basin is well above normal. Here are the river stages at which we restrict tow sizes, and the stages at which we close locks to traffic.',
    publishedAt: '2018-03-08',
    authors: ['halvorsen', 'tillman'],
    categories: ['notices', 'data'],
    archived: true,
    commentStatus: 'closed',
    commentsClosedReason: ARCHIVED_CLOSED,
    body: [
      {
        type: 'paragraph',
        text: 'Snow surveys on March 1 put water content in the upper Tamsin basin at **138 percent** of the 30-year median. A fast melt or heavy April rain could push the river to levels we last saw in 2011.',
      },
      { type: 'heading', level: 2, text: 'Thresholds we will use this spring' },
      {
        type: 'list',
        items: [
          'At **24 feet** on the Cedar Landing gauge, tows above Lock 9 are limited to 12 barges.',
          'At **27 feet**, tows are limited to 9 barges and must have a helper boat at Locks 11 and 14.',
          'At **30 feet**, Locks 9 through 14 close to all traffic until the river falls below 29 feet.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Our crest forecasts are updated every morning at 7 a.m. Central. Forecasts more than five days out are *guidance only*; the uncertainty grows quickly with distance.',
      },
      {
        type: 'paragraph',
        text: 'Daily stage readings and the forecast for each gauge are on the [river conditions page](https://www.example.gov/river-conditions).',
      },
    ],
    comments: [
      {
        key: 'c1',
        authorName: 'Walt Pruett',
        authorEmail: 'walt.pruett@example.com',
        body: 'We run a small fleeting service below Millbrook Ferry, and having the thresholds in writing helped us re-stage our tows a day early. Thanks for posting the stage numbers and not just the dates.',
        status: 'approved',
        hoursAfterPublication: 19,
      },
      {
        key: 'c2',
        authorName: 'Rosalind Feeney',
        authorEmail: 'rfeeney@example.org',
        body: 'Is the 24-foot stage measured at the old gauge under the highway bridge at Cedar Landing or at the new one by the boat ramp?',
        status: 'approved',
        hoursAfterPublication: 31,
      },
      {
        key: 'c3',
        replyTo: 'c2',
        authorName: 'Dale Okerlund',
        authorEmail: 'dokerlund@example.com',
        body: 'It is the bridge gauge. The ramp gauge usually reads about half a foot higher, so do not mix them up.',
        status: 'approved',
        hoursAfterPublication: 35,
      },
    ],
  },
  {
    title: 'Small Harbor Access Grants: first-round awards announced',
    slug: 'small-harbor-access-grants-first-awards',
    excerpt:
      'Eleven river communities will share $4.6 million to repair public landings, replace boat ramps and improve access for small ports.',
    publishedAt: '2019-09-24',
    authors: ['achterberg'],
    categories: ['grants'],
    archived: true,
    commentStatus: 'closed',
    commentsClosedReason: ARCHIVED_CLOSED,
    body: [
      {
        type: 'paragraph',
        text: 'We received 47 applications in the first round of the Small Harbor Access Grants program, asking for a combined $19.8 million. Eleven projects were selected for **$4.6 million** in total.',
      },
      { type: 'heading', level: 2, text: 'Selected projects' },
      {
        type: 'list',
        items: [
          'Town of Millbrook Ferry: replace the public landing bulkhead, $620,000.',
          'Corrow County: new two-lane boat ramp and parking at Gibbs Bar, $410,000.',
          'Port Ardis Harbor District: dredge the small-craft basin to six feet, $880,000.',
          'Eight further awards between $150,000 and $540,000, listed in the award summary.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Reviewers gave extra weight to projects that restore access lost to flooding and to communities with no other public landing within 20 river miles.',
      },
      {
        type: 'paragraph',
        text: 'The full list and reviewer scores are in the [2019 award summary](https://www.example.gov/grants/small-harbor/2019-awards).',
      },
    ],
    comments: [],
  },
  {
    title: 'How lock crews kept traffic moving through a hard spring',
    slug: 'lock-crews-spring-2020',
    excerpt:
      'With one in five operators out at the peak, crews at 23 locks changed shifts, cross-trained and kept every lock open for commercial traffic.',
    publishedAt: '2020-06-02',
    authors: ['tillman'],
    categories: ['infrastructure'],
    archived: true,
    commentStatus: 'closed',
    commentsClosedReason: ARCHIVED_CLOSED,
    body: [
      {
        type: 'paragraph',
        text: 'Between March and May, staffing at our locks fell as low as 81 percent. No lock closed to commercial traffic for lack of staff during that period.',
      },
      {
        type: 'paragraph',
        text: 'Crews moved from three eight-hour shifts to two twelve-hour shifts with fixed teams, so that the same people always worked together. Maintenance staff who had operated locks earlier in their careers took refresher training and filled gaps.',
      },
      {
        type: 'quote',
        text: 'We had lockmasters running the gates and mechanics running the radio. Nobody asked whose job it was. — Ruth Okimoto, lockmaster, Lock 11',
      },
      {
        type: 'paragraph',
        text: 'Recreational lockages were limited to fixed times during those weeks. That restriction ended on May 26.',
      },
    ],
    comments: [],
  },
  {
    title: 'Rebuilding Lock 14 at Harlan Bend: what to expect',
    slug: 'lock-14-rebuild-what-to-expect',
    excerpt:
      'Lock 14 is 84 years old and will be rebuilt from 2022 to 2025. An auxiliary chamber will stay open for most of the work.',
    publishedAt: '2021-11-15',
    authors: ['brandt', 'tillman'],
    categories: ['infrastructure', 'notices'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'Lock 14 at Harlan Bend moved 11.3 million tons of cargo last year, more than any other lock on the Tamsin River. Its main chamber was completed in 1937, and inspections in 2019 and 2020 found cracking in the miter gates and deterioration in the chamber walls.',
      },
      {
        type: 'paragraph',
        text: 'The rebuild is funded at **$312 million**. Construction starts in the spring of 2022 and is planned to finish in late 2025.',
      },
      { type: 'heading', level: 2, text: 'What changes for river traffic' },
      {
        type: 'list',
        items: [
          'The 600-foot auxiliary chamber stays open during most of the work, so tows of more than 9 barges will need to double-lock.',
          'Two full closures are planned, each up to 21 days, announced at least 120 days ahead.',
          'The public fishing pier on the left bank closes for the length of the project.',
        ],
      },
      { type: 'heading', level: 2, text: 'What we heard from operators' },
      {
        type: 'paragraph',
        text: 'At two meetings in Port Ardis this fall, operators asked us to avoid closures during harvest season. Both full closures are therefore scheduled between January and March.',
      },
      {
        type: 'paragraph',
        text: 'Drawings, the construction schedule and the environmental assessment are on the [Lock 14 project page](https://www.example.gov/projects/lock-14).',
      },
    ],
    comments: [],
  },
  {
    title: 'Low water on the upper Tamsin: how we decide which channels to dredge first',
    slug: 'low-water-dredging-priorities',
    excerpt:
      'With the river near record lows, our two dredges cannot reach every shoal at once. This is the order of priority we use, and why.',
    publishedAt: '2022-08-30',
    authors: ['halvorsen'],
    categories: ['data', 'notices'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'The Cedar Landing gauge read **3.1 feet** on August 28, the second-lowest reading in 90 years of records. At that level, the authorized 9-foot channel is at risk at 14 known shoals between river miles 212 and 340.',
      },
      {
        type: 'paragraph',
        text: 'We have two dredges and three survey boats working this reach. Each morning, survey results set the order of work using the criteria below.',
      },
      { type: 'heading', level: 2, text: 'Order of priority' },
      {
        type: 'list',
        ordered: true,
        items: [
          'Shoals where the channel is already below 9 feet at the sailing line.',
          'Shoals in lock approaches, where a grounding would block the lock for everyone.',
          'Shoals that serve the most tonnage, using last year’s lock records.',
          'Shoals forecast to fall below 9 feet within ten days.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Survey results are posted within 24 hours. Operators can report a suspected shoal on channel 13 or through the [shoal report form](https://www.example.gov/report-shoal).',
      },
    ],
    comments: [],
  },
  {
    title: 'River gauge data is now available through a free public API',
    slug: 'river-gauge-data-public-api',
    excerpt:
      'Readings from all 112 of our river gauges are now available as open data, updated every 15 minutes, with no registration required.',
    publishedAt: '2023-04-11',
    authors: ['halvorsen'],
    categories: ['data'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'For years, the most common request to River Data Services was simple: *can we get the numbers directly?* As of today, the answer is yes.',
      },
      {
        type: 'paragraph',
        text: 'The new service returns stage, flow and water temperature for every gauge we operate, in JSON or CSV. Readings are updated every **15 minutes**. Records go back to 1995 for most gauges.',
      },
      { type: 'heading', level: 2, text: 'Getting started' },
      {
        type: 'list',
        ordered: true,
        items: [
          'Find the gauge you want on the [gauge map](https://www.example.gov/gauges) and note its five-letter code.',
          'Request the latest reading, or add a start and end date for historical records.',
          'Read the [API documentation](https://www.example.gov/data/api) for rate limits and field definitions.',
        ],
      },
      { type: 'heading', level: 3, text: 'A note on provisional data' },
      {
        type: 'paragraph',
        text: 'Recent readings are *provisional* until hydrologists review them, usually within 60 days. Approved values may differ slightly, and each record shows its status.',
      },
    ],
    comments: [],
  },
  {
    title: 'What we heard at the Cedar Landing listening sessions',
    slug: 'cedar-landing-listening-sessions',
    excerpt:
      'More than 150 residents, operators and anglers came to two evening sessions on river access during the Lock 14 rebuild. Here is a summary of what they told us.',
    publishedAt: '2024-06-18',
    authors: ['brandt'],
    categories: ['engagement'],
    archived: false,
    commentStatus: 'closed',
    commentsClosedReason:
      'The comment period for the listening sessions ended on July 18, 2024. Thank you to everyone who took part.',
    body: [
      {
        type: 'paragraph',
        text: 'On June 4 and 5, we held two listening sessions at the Cedar Landing Community Center. **156 people** attended in person and 41 joined by phone.',
      },
      { type: 'heading', level: 2, text: 'The main themes' },
      {
        type: 'list',
        items: [
          'Bank anglers miss the fishing pier at Lock 14 and want a temporary alternative.',
          'Ferry and excursion operators want earlier notice of night-time restrictions.',
          'Paddlers asked for a marked portage route around the construction zone.',
          'Several residents asked about truck traffic on County Road 6.',
        ],
      },
      {
        type: 'quote',
        text: 'This river is how half of this town gets to work and the other half spends its weekends. Tell us early and we can plan around almost anything.',
      },
      {
        type: 'paragraph',
        text: 'We are already acting on two of these points. A temporary fishing platform will open downstream of the lock by August 1, and restriction notices will go out at least 14 days ahead instead of 7.',
      },
      {
        type: 'paragraph',
        text: 'We will report back on the portage route and truck traffic at the fall operators’ meeting. The session transcript is on the [Lock 14 project page](https://www.example.gov/projects/lock-14).',
      },
    ],
    comments: [
      {
        key: 'c1',
        authorName: 'Marguerite Ashby',
        authorEmail: 'm.ashby@example.com',
        body: 'Fourteen days of notice makes a real difference for us. We sell excursion tickets about three weeks out, so even more notice would be welcome when you can manage it.',
        status: 'approved',
        hoursAfterPublication: 6,
      },
      {
        key: 'c2',
        authorName: 'Tomás Villanueva',
        authorEmail: 'tvillanueva@example.org',
        body: 'Where exactly will the temporary fishing platform be? I fish from a wheelchair and need to know whether there will be paved access from the parking area.',
        status: 'approved',
        hoursAfterPublication: 22,
      },
      {
        key: 'c3',
        replyTo: 'c2',
        authorName: 'Grace Lindqvist',
        authorEmail: 'glindqvist@example.com',
        body: 'At the second session they showed a drawing with the platform about 300 yards below the lock, next to the old gravel lot. The drawing had a paved path on it, but it would be good to have that confirmed.',
        status: 'approved',
        hoursAfterPublication: 27,
      },
      {
        key: 'c4',
        authorName: 'Harold Beecham',
        authorEmail: 'hbeecham@example.com',
        body: 'Thank you for holding the sessions in the evening so working people could come. The trucks on County Road 6 are the biggest issue on our road, especially near the school bus stops.',
        status: 'approved',
        hoursAfterPublication: 49,
      },
      {
        key: 'c5',
        authorName: 'Nia Castellanos',
        authorEmail: 'nia.castellanos@example.org',
        authorUrl: 'https://www.example.org/cedar-landing-paddlers',
        body: 'Our paddling club would be glad to help mark and test a portage route. We have about 40 members who know that stretch of bank well.',
        status: 'approved',
        hoursAfterPublication: 96,
      },
    ],
  },
  {
    title: 'Winter lock maintenance 2024–2025: closure schedule and frequently asked questions',
    slug: 'winter-lock-maintenance-2024-2025',
    excerpt:
      'Six locks will close for scheduled maintenance between December and March. Here are the dates, the alternatives and answers to the questions we hear most.',
    publishedAt: '2024-11-05',
    authors: ['tillman'],
    categories: ['notices', 'infrastructure'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'Every winter, when commercial traffic is lightest, we close some locks to replace worn parts, inspect gates under dry conditions and repair concrete. This season’s work covers **six locks** on three rivers.',
      },
      { type: 'image', image: 'lock-diagram' },
      {
        type: 'paragraph',
        text: 'A lock lifts or lowers boats between two levels of a river. While a chamber is drained for work, its gates and valves are out of service, and traffic uses the auxiliary chamber where there is one.',
      },
      {
        type: 'table',
        header: ['Lock', 'River mile', 'Closure window', 'During the closure'],
        rows: [
          [
            'Tamsin Lock 9',
            '188.4',
            'Dec 2 – Dec 20, 2024',
            'Auxiliary chamber open, 6 a.m. to 10 p.m.',
          ],
          ['Tamsin Lock 11', '231.7', 'Jan 6 – Jan 31, 2025', 'Full closure, no passage'],
          ['Corrow Lock 3', '42.0', 'Jan 13 – Feb 7, 2025', 'Full closure, no passage'],
          [
            'Corrow Lock 5',
            '77.9',
            'Feb 10 – Feb 28, 2025',
            'Scheduled openings at 8 a.m. and 4 p.m.',
          ],
          ['Black Fork Lock 1', '6.2', 'Feb 17 – Mar 7, 2025', 'Full closure, no passage'],
          ['Tamsin Lock 16', '298.5', 'Mar 3 – Mar 14, 2025', 'Auxiliary chamber open, 24 hours'],
        ],
      },
      {
        type: 'paragraph',
        text: 'Dates can move if ice or high water makes the work unsafe. Any change will be posted on the [River Operations Dashboard](https://www.example.gov/operations) at least 72 hours ahead.',
      },
      { type: 'heading', level: 2, text: 'Frequently asked questions' },
      { type: 'heading', level: 3, text: 'Can recreational boats pass during a closure?' },
      {
        type: 'paragraph',
        text: 'Only where the table shows an auxiliary chamber or scheduled openings. During a full closure, no vessel can pass, including canoes and kayaks; use the marked portage where one exists.',
      },
      { type: 'heading', level: 3, text: 'How will I know if a closure runs long?' },
      {
        type: 'paragraph',
        text: 'Extensions are posted on the dashboard, broadcast on channel 13 and sent to everyone subscribed to closure alerts for that lock. We decide on any extension at least three days before the planned reopening.',
      },
      { type: 'heading', level: 3, text: 'Why is maintenance done in winter?' },
      {
        type: 'paragraph',
        text: 'January and February carry about 4 percent of annual tonnage on these rivers, the lowest of any months. Cold weather makes the work harder, but it affects far fewer people.',
      },
      { type: 'heading', level: 3, text: 'Can a commercial operator request an extra opening?' },
      {
        type: 'paragraph',
        text: 'At locks with scheduled openings, yes. Send the request to the lockmaster at least 48 hours ahead. Requests for emergency or public-safety cargo are handled first.',
      },
    ],
    comments: [],
  },
  {
    title: 'Small Harbor Access Grants: 2025 applications open March 17',
    slug: 'small-harbor-access-grants-2025',
    excerpt:
      'This year’s round offers $7.5 million, a simpler application and a new set-aside for communities of fewer than 5,000 people.',
    publishedAt: '2025-03-04',
    authors: ['achterberg'],
    categories: ['grants'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'The seventh round of Small Harbor Access Grants opens on **March 17, 2025** and closes on **May 30, 2025**. Up to $7.5 million is available, and awards range from $100,000 to $1.2 million.',
      },
      { type: 'heading', level: 2, text: 'What is new this year' },
      {
        type: 'list',
        items: [
          '$1.5 million is set aside for communities of fewer than 5,000 people.',
          'The narrative section is limited to 10 pages, down from 25.',
          'The local match drops from 25 percent to 10 percent for set-aside applicants.',
        ],
      },
      { type: 'heading', level: 2, text: 'Before you apply' },
      {
        type: 'list',
        ordered: true,
        items: [
          'Register your organization in the federal award system; this can take up to four weeks.',
          'Confirm that the site is open to the public and will stay open for at least 20 years.',
          'Attend or watch one of the two information webinars on March 25 and April 8.',
        ],
      },
      {
        type: 'paragraph',
        text: 'The notice of funding opportunity and the application checklist are on the [grants page](https://www.example.gov/grants/small-harbor). Questions can go to the program inbox at any time before the deadline.',
      },
    ],
    comments: [],
  },
  {
    title: 'Fiscal year 2025 in numbers: tonnage, lock reliability and river data',
    slug: 'fiscal-year-2025-navigation-report',
    excerpt:
      'Cargo through our locks rose 3 percent in fiscal year 2025, and unscheduled closures fell to their lowest level in a decade.',
    publishedAt: '2025-12-09',
    authors: ['brandt', 'halvorsen'],
    categories: ['infrastructure', 'data'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'Our annual navigation report for the fiscal year that ended September 30 is now published. A few figures stand out.',
      },
      {
        type: 'list',
        items: [
          '**41.2 million tons** of cargo moved through our locks, up 3 percent from fiscal year 2024.',
          'Locks were available to traffic **96.8 percent** of scheduled hours, against a target of 95 percent.',
          'Unscheduled closures totaled 412 hours across all 23 locks, the lowest since 2015.',
          'The gauge data service answered 38 million requests, more than double the year before.',
        ],
      },
      {
        type: 'paragraph',
        text: 'Grain and fertilizer made up just over half of all tonnage. Aggregates for road and bridge work grew fastest, up 11 percent.',
      },
      {
        type: 'paragraph',
        text: 'Not everything improved. Average waits at Lock 14 rose to 3.4 hours while tows double-locked through the auxiliary chamber during the rebuild.',
      },
      {
        type: 'paragraph',
        text: 'The [full report](https://www.example.gov/reports/fy2025) includes lock-by-lock figures and the data behind every chart.',
      },
    ],
    comments: [],
  },
  {
    title: 'Lock 14 main chamber reopens to traffic',
    slug: 'lock-14-main-chamber-reopens',
    excerpt:
      'After nearly four years of work, the rebuilt main chamber at Harlan Bend is open, and tows of up to 15 barges can again pass in a single lockage.',
    publishedAt: '2026-02-17',
    authors: ['tillman'],
    categories: ['infrastructure', 'notices'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'At 6:40 a.m. on February 12, the towboat *Ellen Marsh* and 15 loaded grain barges became the first tow to pass through the rebuilt main chamber at Lock 14.',
      },
      {
        type: 'paragraph',
        text: 'Average processing time for a full tow has dropped from about 2 hours to **55 minutes** now that double-lockage is no longer needed.',
      },
      { type: 'heading', level: 2, text: 'Still to come' },
      {
        type: 'list',
        items: [
          'Demolition of the temporary cofferdam, through May 2026.',
          'Reopening of the left-bank fishing pier, planned for June 2026.',
          'Landscaping and the new overlook at the visitor area, by fall 2026.',
        ],
      },
      {
        type: 'paragraph',
        text: 'The project finished about $9 million under its $312 million budget. We thank the crews, contractors and river users who worked around the construction for four seasons.',
      },
    ],
    comments: [],
  },
  {
    title: 'Draft Waterways Recreation Safety Plan: tell us what you think',
    slug: 'draft-recreation-safety-plan-comment',
    excerpt:
      'Our first recreation safety plan covers lock approaches, life jacket loaner stations and no-wake zones. Comments are open through November 20, 2026.',
    publishedAt: '2026-09-22',
    authors: ['brandt', 'achterberg'],
    categories: ['engagement', 'notices'],
    archived: false,
    commentStatus: 'open',
    body: [
      {
        type: 'paragraph',
        text: 'More people are paddling, fishing and boating on our rivers than ever. Recreational lockages rose 27 percent between 2021 and 2025, and most incidents near our locks now involve small craft rather than commercial tows.',
      },
      {
        type: 'paragraph',
        text: 'The draft *Waterways Recreation Safety Plan* is our first attempt to set out, in one place, how we will reduce those risks over the next five years.',
      },
      { type: 'heading', level: 2, text: 'What the draft proposes' },
      {
        type: 'list',
        items: [
          'Restricted areas marked with buoys 300 feet above and below every dam.',
          'Life jacket loaner stations at 40 public landings, funded with local partners.',
          'Dedicated recreational lockage times at the six busiest locks on summer weekends.',
          'New no-wake zones at four landings where paddlers and motorboats share narrow channels.',
        ],
      },
      { type: 'heading', level: 2, text: 'How to comment' },
      {
        type: 'paragraph',
        text: 'Read the [draft plan](https://www.example.gov/recreation-safety/draft-plan) and leave a comment below, or attend a public meeting in Port Ardis on October 14 or Cedar Landing on October 16. **All comments received by November 20, 2026** will be considered in the final plan.',
      },
      {
        type: 'paragraph',
        text: 'Comments on this page are moderated and may take a business day to appear.',
      },
    ],
    comments: [
      {
        key: 'c1',
        authorName: 'Beatrice Marlow',
        authorEmail: 'bmarlow@example.org',
        body: 'I support the loaner stations. Our family borrowed jackets from a pilot station at Gibbs Bar last summer when a child’s jacket was left at home.\n\nPlease include child sizes at every station, not just adult ones. That was the only thing missing.',
        status: 'approved',
        hoursAfterPublication: 14,
      },
      {
        key: 'c2',
        authorName: 'Jonah Whitfield',
        authorEmail: 'jonah.whitfield@example.com',
        body: 'Would the new no-wake zone at Millbrook Ferry cover the whole harbor or only the area near the ramp? Fishing boats need to get out to the main channel at a reasonable speed.',
        status: 'approved',
        hoursAfterPublication: 30,
      },
      {
        key: 'c3',
        replyTo: 'c2',
        authorName: 'Lena Fairbanks',
        authorEmail: 'lfairbanks@example.com',
        body: 'The map in appendix B of the draft shows it running from the ramp to the green marker at the harbor mouth, so roughly 400 yards. I fish there too and think that is reasonable.',
        status: 'approved',
        hoursAfterPublication: 41,
      },
      {
        key: 'c4',
        authorName: 'Arturo Pellham',
        authorEmail: 'apellham@example.org',
        authorUrl: 'https://www.example.org/corrow-river-outfitters',
        body: 'Weekend recreational lockage times would help our rental customers a great deal. Could the plan also include Corrow Lock 5? It gets busy on summer Saturdays.',
        status: 'approved',
        hoursAfterPublication: 76,
      },
      {
        key: 'c5',
        authorName: 'Curtis Mabry',
        authorEmail: 'cmabry@example.com',
        body: 'Will the Port Ardis meeting be recorded for those of us who work evenings?',
        status: 'pending',
        hoursAfterPublication: 118,
      },
      {
        key: 'c6',
        authorName: 'Renata Haskins',
        authorEmail: 'rhaskins@example.org',
        body: 'The restricted area at Lock 9 would take in the only shore spot where I can fish without a boat. Is there room for an exception for bank fishing on the downstream side?',
        status: 'pending',
        hoursAfterPublication: 133,
      },
      {
        key: 'c7',
        authorName: 'Best Marine Deals',
        authorEmail: 'sales@example.com',
        authorUrl: 'https://www.example.com/cheap-boat-parts-outlet',
        body: 'Great post!!! Boaters save up to 80% on life jackets, props and trailers at our outlet store. Limited time only, click https://www.example.com/cheap-boat-parts-outlet now!!!',
        status: 'spam',
        hoursAfterPublication: 52,
      },
      {
        key: 'c8',
        authorName: 'Rank Booster Pro',
        authorEmail: 'growth.team@example.com',
        authorUrl: 'https://www.example.com/seo-guaranteed-page-one',
        body: 'Hello webmaster, I noticed your site is not on page one for river safety keywords. We guarantee top rankings in 7 days for a small fee. Reply today for a free audit.',
        status: 'spam',
        hoursAfterPublication: 97,
      },
    ],
  },
]
