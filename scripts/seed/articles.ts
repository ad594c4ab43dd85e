import type { Block } from '@/lib/lexical'

/** Demo articles, written for Byline. The lead covers the I-Soon leak; its "Read more" is the second. */
export type DemoArticle = {
  title: string
  slug: string
  excerpt: string
  tags: string[]
  hue: number
  daysAgo: number
  body: Block[]
  related?: string[]
}

export const LEAD_SLUG = 'i-soon-data-leak-exposes-chinas-cyber-warfare-tactics'
export const NORTH_KOREA_SLUG = 'how-north-korea-steals-crypto'

export const demoArticles: DemoArticle[] = [
  {
    title: 'How North Korea Steals Crypto',
    slug: NORTH_KOREA_SLUG,
    excerpt:
      'Fake recruiters, poisoned software updates and patient laundering: the playbook behind billions in stolen digital assets.',
    tags: ['north korea', 'cryptocurrency', 'lazarus'],
    hue: 200,
    daysAgo: 6,
    body: [
      {
        p: "State-backed hackers working for Pyongyang have turned cryptocurrency theft into a revenue stream that rivals some of the country's legitimate exports. Investigators trace the money through exchanges, bridges and mixers, but the thefts keep coming.",
      },
      { h2: 'The job offer that was not' },
      {
        p: 'Many intrusions begin with a recruiter on a professional network offering a well-paid role. The "technical test" the candidate downloads carries malware that waits for access to signing keys or a company\'s hot wallet.',
      },
      { h2: 'Bridges and hot wallets' },
      {
        p: 'Cross-chain bridges hold large pools of assets guarded by a handful of validator keys. Compromise enough of those keys and a single transaction can drain the pool.',
      },
      { h2: 'Laundering at patience' },
      {
        p: 'Stolen funds are split, swapped and moved over weeks or months. Sanctioned mixers and over-the-counter brokers turn tokens back into cash that can fund the regime.',
      },
      {
        quote:
          'The defence that works is dull: hardware keys, separation of duties and suspicion of any file a stranger asks you to run.',
      },
    ],
  },
  {
    title: "I-Soon data leak exposes China's cyber warfare tactics",
    slug: LEAD_SLUG,
    excerpt:
      'Leaked files from a Chinese security contractor show how private firms carry out state-directed hacking against governments and activists abroad.',
    tags: ['china', 'espionage', 'data leak', 'apt'],
    hue: 355,
    daysAgo: 1,
    related: [NORTH_KOREA_SLUG],
    body: [
      {
        p: "A trove of internal documents from I-Soon, a Shanghai-based security contractor, has given outsiders a rare view of how China's espionage work is parcelled out to private companies. The files describe hacking tools, target lists and price lists, and they suggest a business that sells intrusions to state agencies much as other firms sell software licences.",
      },
      { h2: 'The Scope of the I-Soon Data Leak' },
      {
        p: 'The documents surfaced on a public code-hosting site and were quickly copied by researchers. They name targets across Asia and beyond: ministries in India, Thailand, Vietnam and South Korea, pro-democracy groups in Hong Kong, and organisations linked to the NATO alliance. Chat logs show staff haggling over the value of stolen data and complaining about pay.',
      },
      {
        p: 'Analysts who compared the files with earlier incident reports found overlaps with intrusions already attributed to known Chinese threat groups, which lends the leak weight.',
      },
      { h2: 'Implications for Cybersecurity and Diplomacy' },
      {
        p: 'The leak underlines how much offensive work is handed to contractors, which blurs the line between state and private actors and complicates attribution. Governments named as targets are under pressure to respond, and the episode feeds an existing debate about the trustworthiness of technology suppliers and the security of global supply chains.',
      },
      { h2: 'Addressing the Fallout' },
      {
        p: "Security teams are advised to hunt for the indicators described in the files, patch the edge devices the tools exploit, and review access held by third parties. Policymakers, for their part, are calling for more transparency about contractors' roles and for closer cooperation between countries that share targets.",
      },
      {
        ul: [
          'Patch internet-facing appliances first: they are the usual way in.',
          'Audit accounts held by vendors and contractors.',
          'Share indicators with national response teams.',
        ],
      },
      {
        p: 'The I-Soon files are a reminder that cyber espionage is an industry with staff, quotas and customers. Defending against it takes the same persistence: steady investment in defences, honest disclosure and cooperation across borders.',
      },
    ],
  },
  {
    title: 'Ransomware gangs turn to data theft without encryption',
    slug: 'ransomware-gangs-turn-to-data-theft-without-encryption',
    excerpt: 'Some crews now skip the encryption step entirely and simply threaten to publish what they take.',
    tags: ['ransomware', 'extortion'],
    hue: 30,
    daysAgo: 3,
    body: [
      {
        p: "Encrypting a victim's systems is noisy and slow. A growing number of extortion groups have dropped it, copying data quietly and demanding payment to keep it private.",
      },
      { h2: 'Why the shift' },
      {
        p: 'Backups have improved, so encryption alone no longer guarantees a payout. The threat of a public leak works even against a company that can restore every server.',
      },
      { h2: 'What defenders can watch' },
      {
        p: 'Large outbound transfers, new cloud storage accounts and unusual archive tools are often the only signs before the ransom note arrives.',
      },
    ],
  },
  {
    title: 'Passkeys reach the mainstream',
    slug: 'passkeys-reach-the-mainstream',
    excerpt:
      'Major services now let people sign in without a password. Here is what changes for users and for attackers.',
    tags: ['authentication', 'passwords'],
    hue: 140,
    daysAgo: 9,
    body: [
      {
        p: 'Passkeys replace a typed password with a key pair kept on a phone or laptop. Phishing pages cannot capture them, because the key only answers the site it was made for.',
      },
      { h2: 'What stays the same' },
      {
        p: 'Account recovery remains the weak point: if a service falls back to email or text messages, attackers will go there instead.',
      },
    ],
  },
]
