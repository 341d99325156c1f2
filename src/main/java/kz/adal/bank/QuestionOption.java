package kz.adal.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class QuestionOption {
    @Column(nullable = false, length = 2000)
    public String text;

    @Column(nullable = false)
    public boolean correct;

    public QuestionOption() {}

    public QuestionOption(String text, boolean correct) {
        this.text = text;
        this.correct = correct;
    }
}
