// The invented reviews the corpus pages are built from. Every film, person and sentence here is
// made up for the tests; the page shapes follow issue 12's skeletons.

export interface CorpusReview {
  title?: string
  author?: string
  date?: string
  rating?: number
  paragraphs: string[]
  spoiler?: boolean
  helpful?: { yes: number; total: number }
  work?: { title: string; year: number | null }
  sourceKind?: 'critic' | 'user'
  truncated?: boolean
}

export const FERRY: CorpusReview[] = [
  {
    paragraphs: [
      'The ferry scenes are the best thing in Saltvand Nights. The camera never leaves the deck and you feel the cold in your teeth.',
      'I would give it 9.2 for the sound design alone, and a 4 out of 10 for the ending, which explains far too much.',
    ],
    spoiler: true,
  },
  {
    paragraphs: [
      'Søren Bækgaard plays the harbour master like a man who has forgotten how to sleep. Every glance is a threat.',
    ],
  },
  {
    paragraphs: [
      'My grandmother grew up on one of these islands and she laughed at the accents, but she watched it twice.',
      'Review: a slow, salty film. 7/10 if you like waiting.',
      'Bring a blanket.',
    ],
  },
  {
    paragraphs: [
      'Ingen forstår hvorfor fergen aldri kommer. That is the whole point, and it worked on me.',
    ],
    spoiler: true,
  },
]

export const OWNER = 'Kaja_Møllerud'

export const USER_REVIEWS: CorpusReview[] = [
  {
    work: { title: 'Saltvand Nights', year: 2019 },
    title: 'A ferry that never arrives',
    paragraphs: [
      'Three hours on a cold deck and I did not look at my phone once.',
      'The harbour master deserves every prize he did not get.',
    ],
  },
  {
    work: { title: 'Żurawie nad Wisłą', year: 2011 },
    title: 'Cranes, rain and a brass band',
    paragraphs: [
      'Quietly devastating. The last shot of the cranes over the river stayed with me for days.',
    ],
  },
  {
    work: { title: '夜の港', year: 1987 },
    title: 'Night port, still waters',
    paragraphs: [
      'An old noir that feels newer than most thrillers. 8 out of 10 people I showed it to fell asleep, the other two loved it.',
      'I was one of the two.',
    ],
  },
]

export const MIRROR_WORK = { title: 'The Lanternmaker', year: 2008 }

export const MIRROR_REVIEWS: CorpusReview[] = [
  {
    author: 'grimsby_owl',
    date: '2009-02-14',
    rating: 8,
    title: 'Light in a dark workshop',
    paragraphs: [
      'A small film about an old man who repairs lanterns for a town that no longer needs them.',
      'The final scene in the snow is perfect.',
    ],
  },
  {
    author: 'Élodie Marchetti',
    date: '2010-11-03',
    rating: 5,
    title: 'Pretty but empty',
    paragraphs: [
      'Gorgeous to look at, but nothing happens for ninety minutes and then everything happens at once.',
    ],
  },
  {
    author: 'northern_reel',
    date: '2012-07-21',
    rating: 10,
    title: 'My favourite winter film',
    paragraphs: [
      'I watch it every December. The score by Ilse Vanderhoek is on repeat in our house.',
      'Rated 7.3 on this site? It deserves far more.',
    ],
  },
]

export const OLD_USER_REVIEWS: CorpusReview[] = [
  {
    work: { title: 'The Lanternmaker', year: 2008 },
    helpful: { yes: 14, total: 19 },
    title: 'Slow but luminous',
    date: '2009-03-02',
    paragraphs: [
      'The old man repairs lanterns. That is the plot, and it is enough.',
      'The snow scene at the end had the whole cinema silent.',
    ],
  },
  {
    work: { title: 'Harbour Lights', year: 2006 },
    helpful: { yes: 3, total: 11 },
    title: 'Not for me, Ms. Okafor',
    date: '2008-12-25',
    spoiler: true,
    paragraphs: [
      'The twist with the lighthouse keeper is visible from the first reel, and the ending drags.',
    ],
  },
  {
    work: { title: 'Harbour Lights', year: 2006 },
    helpful: { yes: 0, total: 2 },
    title: 'Second thoughts, 12 years on',
    date: '2009-01-07',
    paragraphs: ['I watched it again after writing my review. I was too harsh, but only a little.'],
  },
]

export const BARE_REVIEWS: CorpusReview[] = [
  {
    title: 'Better than the book',
    date: '2021-05-09',
    paragraphs: [
      'I expected to hate the changes to the second half, but the screenplay finds its own way.',
      'The Lanternmaker (2008) did the same trick years ago.',
    ],
  },
  {
    title: 'Too long by an hour',
    date: '2021-06-30',
    paragraphs: [
      'There is a good ninety-minute film inside this one. Nobody was allowed to find it.',
    ],
  },
  {
    title: 'Ærlig og rå',
    date: '2022-01-15',
    paragraphs: ['Honest and raw, as the Danish critics said. I agree with every word.'],
  },
]

export const LETTERBOXD: CorpusReview[] = [
  {
    work: { title: 'Saltvand Nights', year: null },
    paragraphs: ['A film that smells of diesel and wet wool.', 'I loved every cold minute of it.'],
  },
  {
    work: { title: 'Żurawie nad Wisłą', year: null },
    paragraphs: [
      'The brass band scene is the funniest thing I have seen this year, and the saddest…',
    ],
    truncated: true,
  },
  {
    work: { title: 'The Lanternmaker', year: null },
    paragraphs: ['Second watch. Still cried at the snow.'],
  },
]

export const METACRITIC: CorpusReview[] = [
  {
    sourceKind: 'critic',
    author: 'Harriet Quill',
    rating: 9,
    date: '2008-03-14',
    paragraphs: ['A quiet triumph. The Lanternmaker glows where other winter films merely shiver.'],
  },
  {
    sourceKind: 'critic',
    author: 'Tomás Ferreira',
    date: '2008-04-02',
    paragraphs: ['Patient to a fault, but the final reel earns the wait.'],
  },
  {
    sourceKind: 'user',
    date: '2008-05-11',
    paragraphs: ['Slow. Beautiful. I was not bored for one second, which surprised me.'],
  },
  {
    sourceKind: 'user',
    date: '2009-01-02',
    paragraphs: ['Critics loved it, my family did not. I sit somewhere between.'],
  },
]

export const KEY_VALUE: CorpusReview[] = [
  {
    author: 'Bartholomew Ngata',
    date: '2015-09-12',
    rating: 9,
    helpful: { yes: 12, total: 15 },
    paragraphs: [
      'The Good',
      'The lighting, the snow and a lead performance that never begs for sympathy.',
      'The Bad',
      'The subplot with the mayor goes nowhere.',
    ],
  },
  {
    author: 'Søs Lindqvist',
    date: '2016-02-01',
    rating: 5,
    helpful: { yes: 1, total: 6 },
    paragraphs: ['Too slow for a Friday night. Maybe on a Sunday afternoon.'],
  },
]

export const FORUM: CorpusReview[] = [
  {
    author: 'deckhand_77',
    date: '2019-10-12',
    paragraphs: [
      'Saw it at the festival. The ferry horn in the last scene made the whole room jump.',
    ],
  },
  {
    author: 'Ólöf',
    date: '2019-11-03',
    paragraphs: [
      'Not as good as the trailer promised.',
      'The harbour master is great though, and the music is better than the film.',
    ],
  },
  {
    author: 'reel_ghost',
    date: '2020-01-27',
    paragraphs: ['Three stars from me. Would watch again with subtitles on.'],
  },
]

export const PREVIEWS: CorpusReview[] = [
  {
    date: '2023-03-04',
    paragraphs: [
      'The cranes are back and so is the rain. This sequel knows what the first one did right and',
    ],
    truncated: true,
  },
  {
    date: '2023-02-11',
    paragraphs: ['Short review: gorgeous, slow, and the brass band deserves its own film'],
    truncated: true,
  },
  {
    date: '2022-12-30',
    paragraphs: ['A Christmas rewatch of a film with no Christmas in it.'],
  },
]

export const AUDIENCE: CorpusReview[] = [
  {
    author: 'Marguerite D.',
    date: '2009-03-03',
    paragraphs: ['A lovely, sad little film. The old man and his lanterns will stay with me.'],
  },
  {
    author: 'Jörg P.',
    date: '2009-02-17',
    paragraphs: ['Too slow for me.', 'Half a star for the snow.'],
  },
  {
    author: 'Tiny Fenwick',
    date: '2009-01-30',
    paragraphs: ['Took my kids. They loved the workshop scenes and hated the ending.'],
  },
]

export const RATED_AFTER_DATE: CorpusReview[] = [
  {
    author: 'Annelise Brønd',
    date: '2018-01-01',
    rating: 8,
    paragraphs: [
      'A hard watch, but the lead is extraordinary.',
      'The hunting scene at the end lingers.',
    ],
  },
  {
    author: 'mikkel_s',
    date: '2018-02-13',
    rating: 4,
    paragraphs: [
      'I expected more after all the hype. I give it 9.2 for the acting and 2 for the script.',
    ],
  },
  {
    author: 'Pavlína Horáková',
    date: '2018-03-30',
    rating: 10,
    paragraphs: ['Perfect. Nothing to add.'],
  },
]
