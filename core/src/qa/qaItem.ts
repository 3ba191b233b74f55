/** A multiple-choice question of a benchmark (an MMLU row, or a TruthfulQA question with its answers as choices). */
export interface McItem {
  /** `subject/split/line` for MMLU, `truthfulqa/line` for TruthfulQA; stable across runs. */
  id: string;
  /** MMLU subject, TruthfulQA category. */
  subject: string;
  question: string;
  choices: string[];
  /** Indices of the correct choices (one for MMLU; every "correct answer" for TruthfulQA). */
  correct: number[];
  /** The answer stored in memory when the item is on the memory side (the correct choice, TruthfulQA's best answer). */
  memoryAnswer: string;
}
